/**
 * `@aws-sdk/client-eventbridge` PutEvents (EventBridge APIReference API_PutEvents,
 * API_PutEventsRequestEntry): up to 10 entries, each routed on its bus; entries that are wrong fail
 * on their own (`FailedEntryCount`, `ErrorCode`, `ErrorMessage`) while the others go through.
 */
import { AwsServiceError, type AwsServiceDefinition } from "../../sdk/hub";
import type { EventBridge } from "./bus";

/** 256 KB for all entries of a PutEvents request (EventBridge UG eb-putevent-size). */
export const MAX_PUT_EVENTS_BYTES = 262_144;

export function eventBridgeService(bridge: () => EventBridge): AwsServiceDefinition {
  return {
    package: "@aws-sdk/client-eventbridge",
    clientName: "EventBridgeClient",
    exceptions: ["ResourceNotFoundException", "ValidationException", "InternalException"],
    operations: {
      PutEvents: {
        action: "events:PutEvents",
        // IAM checks the bus of the first entry (a request naming several buses needs each).
        resource: (input: { Entries?: { EventBusName?: string }[] }) => {
          const eb = bridge();
          const name = Array.isArray(input.Entries) ? input.Entries[0]?.EventBusName : undefined;
          return eb.bus(name)?.arn ?? (name?.startsWith("arn:") ? name : `arn:aws:events:*:*:event-bus/${name ?? "default"}`);
        },
        run(input: { Entries?: unknown }, ctx) {
          const eb = bridge();
          const entries = input.Entries;
          if (!Array.isArray(entries) || entries.length === 0) throw new AwsServiceError("ValidationException", "1 validation error detected: Value null at 'entries' failed to satisfy constraint: Member must not be null");
          if (entries.length > 10) throw new AwsServiceError("ValidationException", `1 validation error detected: Value '[${entries.length} entries]' at 'entries' failed to satisfy constraint: Member must have length less than or equal to 10`);
          const size = entries.reduce((n: number, e) => n + new TextEncoder().encode(JSON.stringify(e ?? {})).length, 0);
          if (size > MAX_PUT_EVENTS_BYTES) throw new AwsServiceError("ValidationException", `Total size of the entries in the request is over the limit (${size} > ${MAX_PUT_EVENTS_BYTES} bytes).`);
          const out: Record<string, string>[] = [];
          let failed = 0;
          for (const raw of entries as Record<string, unknown>[]) {
            const fail = (code: string, message: string) => {
              failed++;
              out.push({ ErrorCode: code, ErrorMessage: message });
            };
            const e = raw ?? {};
            if (typeof e.Source !== "string" || e.Source === "") {
              fail("InvalidArgument", "Parameter Source is not valid. Reason: Source is a required argument.");
              continue;
            }
            if (typeof e.DetailType !== "string" || e.DetailType === "") {
              fail("InvalidArgument", "Parameter DetailType is not valid. Reason: DetailType is a required argument.");
              continue;
            }
            if (typeof e.Detail !== "string") {
              fail("InvalidArgument", "Parameter Detail is not valid. Reason: Detail is a required argument.");
              continue;
            }
            let detail: unknown;
            try {
              detail = JSON.parse(e.Detail);
            } catch {
              detail = undefined;
            }
            if (typeof detail !== "object" || detail === null || Array.isArray(detail)) {
              fail("MalformedDetail", "Detail is malformed.");
              continue;
            }
            const bus = eb.bus(typeof e.EventBusName === "string" ? e.EventBusName : undefined);
            if (!bus) {
              fail("ResourceNotFoundException", `Event bus ${String(e.EventBusName)} does not exist.`);
              continue;
            }
            if (e.Source.startsWith("aws.")) {
              fail("NotAuthorizedForSourceException", `Not authorized for the source ${e.Source}.`);
              continue;
            }
            const time = e.Time instanceof Date ? e.Time.getTime() : typeof e.Time === "string" || typeof e.Time === "number" ? new Date(e.Time).getTime() : undefined;
            const event = eb.event(ctx.time, {
              source: e.Source,
              detailType: e.DetailType,
              detail,
              ...(Array.isArray(e.Resources) ? { resources: e.Resources as string[] } : {}),
              ...(time !== undefined && Number.isFinite(time) ? { time } : {}),
            });
            eb.put(ctx.time, bus, event);
            out.push({ EventId: event.id });
          }
          return { FailedEntryCount: failed, Entries: out };
        },
      },
    },
  };
}
