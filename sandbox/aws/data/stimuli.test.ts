// The drive file's s3 / dynamodb / kinesis / cognito stimuli, and the template errors of the data
// resources: bad input is refused with the stimulus or resource named.
import { describe, expect, it } from "vitest";
import { createLambdaService } from "../../service/service";
import { fn, template } from "../../service/testing";
import { SdkHub } from "../sdk/hub";
import { dataExtension } from "./index";

const resources = {
  Orders: { Type: "AWS::DynamoDB::Table", Properties: { KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }], AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }], StreamSpecification: { StreamViewType: "NEW_IMAGE" } } },
  Clicks: { Type: "AWS::Kinesis::Stream", Properties: { ShardCount: 1 } },
  Uploads: { Type: "AWS::S3::Bucket" },
};

async function service(extra: Record<string, unknown> = {}) {
  const hub = new SdkHub();
  return createLambdaService({ template: template({ ...resources, ...extra }), extensions: [hub.extension, dataExtension(hub)] });
}

describe("data stimuli", () => {
  it("name the stimulus and what is wrong", async () => {
    using s = await service();
    await expect(s.run({ stimuli: [{ s3: { bucket: "Nope", put: "a" } }] })).rejects.toThrow("stimuli[0].s3.bucket: Nope is not an AWS::S3::Bucket of the template (known: Uploads)");
    await expect(s.run({ stimuli: [{ s3: { bucket: "Uploads" } }] })).rejects.toThrow("stimuli[0].s3: give put: <key> (with body) or delete: <key>");
    await expect(s.run({ stimuli: [{ dynamodb: { table: "Orders", put: { id: "x" } } }] })).rejects.toThrow("stimuli[0].dynamodb: ValidationException: One or more parameter values were invalid: Missing the key pk in the item");
    await expect(s.run({ stimuli: [{ kinesis: { stream: "Clicks", records: [{ data: 1 }] } }] })).rejects.toThrow("stimuli[0].kinesis.records[0]: needs partitionKey (a string) and data");
    await expect(s.run({ stimuli: [{ kinesis: { stream: "Orders", records: [{ partitionKey: "a", data: 1 }] } }] })).rejects.toThrow("is a DynamoDB stream; write to its table with a dynamodb stimulus");
  });

  it("write the resources' state into the report", async () => {
    using s = await service();
    const report = await s.run({
      stimuli: [
        { s3: { bucket: "Uploads", put: "a.txt", body: "hi" } },
        { dynamodb: { table: "Orders", put: { pk: "o1", total: 5 } } },
        { dynamodb: { table: "Orders", update: { key: { pk: "o1" }, set: { total: 6 } } } },
        { kinesis: { stream: "Clicks", records: [{ partitionKey: "u1", data: { page: "/" } }] } },
      ],
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the report's extension section is JSON, read by shape
    const r = (report.extensions?.data as any).resources;
    expect(r.Uploads).toMatchObject({ objectCount: 1, objects: [{ key: "a.txt", size: 2, etag: '"49f68a5c8493ec2c0bf489821c21fc3b"' }] });
    expect(r.Orders).toMatchObject({ itemCount: 1, items: [{ pk: "o1", total: 6 }], stream: { shards: [{ records: 2 }] } });
    expect(r.Clicks.shards[0].records).toBe(1);
  });
});

describe("data template errors", () => {
  it("a stream event needs a stream of the template and a StartingPosition", async () => {
    const consumer = (props: Record<string, unknown>) => ({ C: fn("exports.handler = async () => 1;", { Events: { S: { Type: "DynamoDB", Properties: props } } }) });
    await expect(service(consumer({ Stream: "arn:aws:dynamodb:us-east-1:123456789012:table/X/stream/1", StartingPosition: "LATEST" }))).rejects.toThrow("C.Events.S: Stream must be !GetAtt MyTable.StreamArn");
    await expect(service(consumer({ Stream: { "Fn::GetAtt": ["Orders", "StreamArn"] } }))).rejects.toThrow("StartingPosition is required: TRIM_HORIZON, LATEST or AT_TIMESTAMP");
    await expect(service(consumer({ Stream: { "Fn::GetAtt": ["Orders", "StreamArn"] }, StartingPosition: "LATEST", BatchSize: 20000 }))).rejects.toThrow("BatchSize must be an integer from 1 to 10000");
    await expect(service(consumer({ Stream: { "Fn::GetAtt": ["Orders", "StreamArn"] }, StartingPosition: "LATEST", FilterCriteria: { Filters: [{ Pattern: "{ not json" }] } }))).rejects.toThrow("FilterCriteria:");
  });

  it("an S3 notification names a known event type", async () => {
    await expect(service({ F: fn("exports.handler = async () => 1;", { Events: { U: { Type: "S3", Properties: { Bucket: { Ref: "Uploads" }, Events: "s3:ObjectCreated:Upload" } } } }) })).rejects.toThrow(
      "The event is not supported for notifications: s3:ObjectCreated:Upload",
    );
  });
});
