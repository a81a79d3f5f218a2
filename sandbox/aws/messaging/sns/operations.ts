/**
 * `@aws-sdk/client-sns` Publish and PublishBatch on the simulated topics (SNS APIReference
 * API_Publish, API_PublishBatch), with SNS's error names and messages.
 */
import { AwsServiceError, type AwsCallContext, type AwsServiceDefinition } from "../../sdk/hub";
import type { SnsAttributes } from "../patterns/filters";
import type { Topic } from "./topic";

/** 256 KB, SNS's maximum message size (SNS DG sns-message-size). */
export const MAX_SNS_MESSAGE_BYTES = 262_144;

export interface SnsDirectory {
  byArn(arn: string): Topic | undefined;
}

const invalid = (message: string) => new AwsServiceError("InvalidParameterException", `Invalid parameter: ${message}`, { statusCode: 400, fields: { Code: "InvalidParameter" } });
const notFound = () => new AwsServiceError("NotFoundException", "Topic does not exist", { statusCode: 404, fields: { Code: "NotFound" } });

interface PublishFields {
  Message?: unknown;
  Subject?: unknown;
  MessageAttributes?: unknown;
  MessageStructure?: unknown;
}

function validate(e: PublishFields): { message: string; subject?: string; attributes: SnsAttributes; perProtocol?: Record<string, string> } {
  if (e.Message === undefined || e.Message === null || e.Message === "") throw invalid("Empty message");
  if (typeof e.Message !== "string") throw invalid("Message must be a string");
  if (new TextEncoder().encode(e.Message).length > MAX_SNS_MESSAGE_BYTES) throw invalid("Message too long");
  if (e.Subject !== undefined && (typeof e.Subject !== "string" || e.Subject.length === 0 || e.Subject.length > 100 || !/^[\x20-\x7e]*$/.test(e.Subject))) throw invalid("Subject");
  const attributes: SnsAttributes = {};
  if (e.MessageAttributes !== undefined) {
    const entries = Object.entries(e.MessageAttributes as Record<string, { DataType?: unknown; StringValue?: unknown; BinaryValue?: unknown }>);
    if (entries.length > 10) throw invalid(`Number of message attributes [${entries.length}] exceeds the allowed maximum [10].`);
    for (const [name, a] of entries) {
      if (typeof a?.DataType !== "string") throw invalid(`The message attribute '${name}' must contain non-empty message attribute type.`);
      if (!/^(String|Number|Binary)(\..+)?$/.test(a.DataType) && a.DataType !== "String.Array") throw invalid(`The message attribute '${name}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.`);
      if (a.StringValue === undefined && a.BinaryValue === undefined) throw invalid(`The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${a.DataType}'.`);
      if (a.DataType === "Number" && !Number.isFinite(Number(a.StringValue))) throw invalid(`Could not cast message attribute '${name}' value to number.`);
      if (a.DataType === "String.Array") {
        let ok = false;
        try {
          ok = Array.isArray(JSON.parse(String(a.StringValue)));
        } catch {
          ok = false;
        }
        if (!ok) throw invalid(`The message attribute '${name}' with type 'String.Array' has to be an array.`);
      }
      attributes[name] = { DataType: a.DataType, ...(a.StringValue !== undefined ? { StringValue: String(a.StringValue) } : {}), ...(a.BinaryValue !== undefined ? { BinaryValue: a.BinaryValue } : {}) };
    }
  }
  let perProtocol: Record<string, string> | undefined;
  if (e.MessageStructure !== undefined) {
    if (e.MessageStructure !== "json") throw invalid("MessageStructure");
    let parsed: unknown;
    try {
      parsed = JSON.parse(e.Message);
    } catch {
      throw invalid("Message Structure - JSON message body failed to parse");
    }
    if (typeof parsed !== "object" || parsed === null || typeof (parsed as Record<string, unknown>).default !== "string") throw invalid("Message Structure - No default entry in JSON message body");
    perProtocol = parsed as Record<string, string>;
    return { message: perProtocol.default as string, ...(typeof e.Subject === "string" ? { subject: e.Subject } : {}), attributes, perProtocol };
  }
  return { message: e.Message, ...(typeof e.Subject === "string" ? { subject: e.Subject } : {}), attributes };
}

export function snsService(dir: SnsDirectory, published?: (topic: Topic, ctx: AwsCallContext) => void): AwsServiceDefinition {
  const topicOf = (input: Record<string, unknown>): Topic => {
    const arn = input.TopicArn ?? input.TargetArn;
    if (arn === undefined) throw invalid(input.PhoneNumber !== undefined ? "PhoneNumber: SMS is not simulated" : "TopicArn or TargetArn Reason: no value for required parameter");
    const t = typeof arn === "string" ? dir.byArn(arn) : undefined;
    if (!t) throw notFound();
    return t;
  };
  const resource = (i: Record<string, unknown>) => String(i.TopicArn ?? i.TargetArn ?? "*");
  return {
    package: "@aws-sdk/client-sns",
    clientName: "SNSClient",
    exceptions: ["InvalidParameterException", "NotFoundException", "AuthorizationErrorException"],
    // SNS answers an IAM denial with AuthorizationError, HTTP 403 (SNS APIReference CommonErrors / API_Publish).
    accessDenied: { name: "AuthorizationErrorException", statusCode: 403 },
    operations: {
      Publish: {
        action: "sns:Publish",
        resource,
        run(input: Record<string, unknown>, ctx) {
          const topic = topicOf(input);
          const v = validate(input);
          const messageId = ctx.host.rng.uuid();
          topic.publish(ctx.time, { ...v, origin: ctx.fn.logicalId, messageId, ...(ctx.requestId !== undefined ? { sentBy: ctx.requestId } : {}) });
          published?.(topic, ctx);
          return { MessageId: messageId };
        },
      },
      PublishBatch: {
        action: "sns:Publish",
        resource,
        run(input: Record<string, unknown>, ctx) {
          const topic = topicOf(input);
          const entries = input.PublishBatchRequestEntries;
          if (!Array.isArray(entries) || entries.length === 0) throw new AwsServiceError("EmptyBatchRequestException", "The batch request doesn't contain any entries.", { statusCode: 400 });
          if (entries.length > 10) throw new AwsServiceError("TooManyEntriesInBatchRequestException", "The batch request contains more entries than permissible.", { statusCode: 400 });
          const ids = new Set<string>();
          for (const e of entries as { Id?: unknown }[]) {
            if (typeof e.Id !== "string" || !/^[A-Za-z0-9_-]{1,80}$/.test(e.Id)) throw new AwsServiceError("InvalidBatchEntryIdException", "The Id of a batch entry in a batch request doesn't abide by the specification.", { statusCode: 400 });
            if (ids.has(e.Id)) throw new AwsServiceError("BatchEntryIdsNotDistinctException", "Two or more batch entries in the request have the same Id.", { statusCode: 400 });
            ids.add(e.Id);
          }
          const Successful: unknown[] = [];
          const Failed: unknown[] = [];
          for (const e of entries as (PublishFields & { Id: string })[]) {
            try {
              const v = validate(e);
              const messageId = ctx.host.rng.uuid();
              topic.publish(ctx.time, { ...v, origin: ctx.fn.logicalId, messageId, ...(ctx.requestId !== undefined ? { sentBy: ctx.requestId } : {}) });
              Successful.push({ Id: e.Id, MessageId: messageId });
            } catch (error) {
              if (!(error instanceof AwsServiceError)) throw error;
              Failed.push({ Id: e.Id, Code: "InvalidParameter", Message: error.message, SenderFault: true });
            }
          }
          published?.(topic, ctx);
          return { Successful, Failed };
        },
      },
    },
  };
}
