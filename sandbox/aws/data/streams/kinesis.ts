/**
 * `@aws-sdk/client-kinesis`: PutRecord and PutRecords (Kinesis APIReference API_PutRecord,
 * API_PutRecords) on the simulated streams.
 */
import { AwsServiceError, type AwsServiceDefinition } from "../../sdk/hub";
import type { KinesisStream } from "./shards";

type In = Record<string, unknown>;

/** Records per PutRecords call (API_PutRecords). */
export const MAX_PUT_RECORDS = 500;
/** Data blob plus partition key, per record: 1 MiB (API_PutRecord). */
export const MAX_RECORD_BYTES = 1024 * 1024;

function streamOf(input: In, streams: (nameOrArn: string) => KinesisStream | undefined, ctx: { accountId: string }): KinesisStream {
  const ref = typeof input.StreamARN === "string" ? input.StreamARN : typeof input.StreamName === "string" ? input.StreamName : "";
  if (!ref) throw new AwsServiceError("ValidationException", "Either StreamName or StreamARN should be provided.");
  const s = streams(ref);
  if (!s) throw new AwsServiceError("ResourceNotFoundException", `Stream ${ref.split("/").pop()} under account ${ctx.accountId} not found.`);
  return s;
}

function checkRecord(data: unknown, key: unknown, at: string): { data: Uint8Array | string; key: string } {
  if (typeof key !== "string" || key.length < 1 || key.length > 256) throw new AwsServiceError("ValidationException", `1 validation error detected: Value at '${at}partitionKey' failed to satisfy constraint: Member must have length between 1 and 256`);
  if (!(data instanceof Uint8Array) && typeof data !== "string") throw new AwsServiceError("ValidationException", `1 validation error detected: Value null at '${at}data' failed to satisfy constraint: Member must not be null`);
  const bytes = typeof data === "string" ? new TextEncoder().encode(data).length : data.length;
  if (bytes + key.length > MAX_RECORD_BYTES) throw new AwsServiceError("ValidationException", `1 validation error detected: Value at '${at}data' failed to satisfy constraint: Member must have length less than or equal to 1048576`);
  return { data, key };
}

export function kinesisService(streams: (nameOrArn: string) => KinesisStream | undefined): AwsServiceDefinition {
  return {
    package: "@aws-sdk/client-kinesis",
    clientName: "KinesisClient",
    exceptions: ["ResourceNotFoundException", "ProvisionedThroughputExceededException"],
    operations: {
      PutRecord: {
        action: "kinesis:PutRecord",
        resource: (i: In, ctx) => streamOf(i, streams, ctx).arn,
        latencyMs: 15,
        run: (i: In, ctx) => {
          const s = streamOf(i, streams, ctx);
          const r = checkRecord(i.Data, i.PartitionKey, "");
          return { ...s.put(r.data, r.key, ctx.time), EncryptionType: "NONE" };
        },
      },
      PutRecords: {
        action: "kinesis:PutRecords",
        resource: (i: In, ctx) => streamOf(i, streams, ctx).arn,
        latencyMs: 20,
        run: (i: In, ctx) => {
          const s = streamOf(i, streams, ctx);
          const list = i.Records;
          if (!Array.isArray(list) || list.length === 0 || list.length > MAX_PUT_RECORDS) throw new AwsServiceError("ValidationException", `1 validation error detected: Value at 'records' failed to satisfy constraint: Member must have length between 1 and ${MAX_PUT_RECORDS}`);
          const checked = list.map((r: In, n) => checkRecord(r?.Data, r?.PartitionKey, `records.${n + 1}.member.`));
          return { FailedRecordCount: 0, Records: checked.map((r) => s.put(r.data, r.key, ctx.time)), EncryptionType: "NONE" };
        },
      },
    },
  };
}
