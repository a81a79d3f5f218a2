import { describe, expect, it } from "vitest";
import { buildCatalogueEvents, buildManifest } from "./catalogue";
import { EventCatalogueError, findEvent, getEvent, listEvents, loadEvent, parseManifest } from "./manifest";

const manifest = parseManifest(buildManifest());

describe("parseManifest", () => {
  it("accepts the generated manifest", () => {
    expect(manifest.events.length).toBeGreaterThanOrEqual(30);
  });

  it("lists every problem with its path and the source it came from", () => {
    const bad = structuredClone(buildManifest()) as unknown as { events: Array<Record<string, unknown>>; region: string };
    bad.region = "mars";
    (bad.events[0] as Record<string, unknown>).file = "elsewhere/x.json";
    (bad.events[1] as Record<string, unknown>).service = "nope";
    bad.events.push({ ...(bad.events[2] as object) });
    let message = "";
    try {
      parseManifest(bad, "my/index.json");
    } catch (e) {
      expect(e).toBeInstanceOf(EventCatalogueError);
      message = (e as Error).message;
    }
    expect(message).toMatch(/^my\/index\.json is not a valid event manifest:/);
    expect(message).toMatch(/ {2}region: /);
    expect(message).toMatch(/events\.0\.file: file of "apigateway\/aws-proxy" must be "apigateway\/aws-proxy\.json"/);
    expect(message).toMatch(/events\.1\.service: unknown service "nope"/);
    expect(message).toMatch(/duplicate event id "apigateway\/authorizer"/);
  });

  it("refuses unknown keys, so a typo in the manifest does not pass silently", () => {
    const bad = structuredClone(buildManifest()) as unknown as { events: Array<Record<string, unknown>> };
    (bad.events[0] as Record<string, unknown>).titel = "x";
    expect(() => parseManifest(bad)).toThrow(/events\.0: Unrecognized key: "titel"/);
  });
});

describe("listEvents", () => {
  it("groups events by service in manifest order, skipping empty services", () => {
    const groups = listEvents(manifest);
    expect(groups[0]?.service.id).toBe("apigateway");
    expect(groups[0]?.events.map((e) => e.id)).toContain("apigateway/aws-proxy");
    const withoutS3 = { ...manifest, events: manifest.events.filter((e) => e.service !== "s3") };
    expect(listEvents(withoutS3).some((g) => g.service.id === "s3")).toBe(false);
  });
});

describe("findEvent", () => {
  it("finds by id, by SAM's spelling, by a unique name, and with a .json suffix", () => {
    expect(findEvent(manifest, "s3/put").id).toBe("s3/put");
    expect(findEvent(manifest, "s3 put").id).toBe("s3/put");
    expect(findEvent(manifest, "cloudwatch scheduled-event").id).toBe("eventbridge/scheduled-event");
    expect(findEvent(manifest, "kinesis kinesis-firehose").id).toBe("firehose/transformation");
    expect(findEvent(manifest, "function-url").id).toBe("lambda/function-url");
    expect(findEvent(manifest, "sqs/receive-message.json").id).toBe("sqs/receive-message");
  });

  it("explains an unknown or ambiguous name with candidates", () => {
    expect(() => findEvent(manifest, "s3/upload")).toThrow(/Unknown sample event "s3\/upload"\. Did you mean: s3\/delete, s3\/put/);
    expect(() => findEvent(manifest, "rule")).not.toThrow();
    const twoRules = { ...manifest, events: [...manifest.events, { ...manifest.events[0]!, id: "x/rule", service: "x" }] };
    expect(() => findEvent(twoRules, "rule")).toThrow(/Did you mean: iot\/rule, x\/rule\?/);
    expect(() => findEvent(manifest, "zzz")).toThrow(/^Unknown sample event "zzz"\. List them with `lambda-lab events list`\.$/);
  });
});

describe("getEvent / loadEvent", () => {
  const catalogue = { manifest, events: buildCatalogueEvents() };

  it("returns a copy the caller may change", () => {
    const a = getEvent(catalogue, "s3/put") as { Records: Array<{ eventName: string }> };
    a.Records[0]!.eventName = "changed";
    expect((getEvent(catalogue, "s3/put") as typeof a).Records[0]?.eventName).toBe("ObjectCreated:Put");
  });

  it("says when a listed event was not loaded", () => {
    expect(() => getEvent({ manifest, events: {} }, "s3/put")).toThrow(/"s3\/put" is listed but its file s3\/put\.json was not loaded/);
  });

  it("loads one file through an async loader, unwrapping a JSON module's default export", async () => {
    const files: string[] = [];
    const event = await loadEvent(manifest, "sns notification", async (file) => {
      files.push(file);
      return catalogue.events["sns/notification"];
    });
    expect(files).toEqual(["sns/notification.json"]);
    expect(event).toEqual(catalogue.events["sns/notification"]);
    const moduleLike = Object.assign(Object.create(null) as object, { default: { a: 1 }, [Symbol.toStringTag]: "Module" });
    expect(await loadEvent(manifest, "s3/put", () => moduleLike)).toEqual({ a: 1 });
  });
});
