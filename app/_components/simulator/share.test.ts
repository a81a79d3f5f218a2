import { describe, expect, it } from "vitest";
import { decodeShare, encodeShare, type SimulatorSnapshot } from "./share";

const snap: SimulatorSnapshot = {
  code: "export const handler = async () => 'héllo ✓';",
  eventId: "s3/put",
  eventText: '{"a":1}',
  memory: 512,
  timeout: 10,
  envText: "STAGE=dev",
};

describe("share links", () => {
  it("round-trip a simulator's code (unicode included), event and settings", () => {
    expect(decodeShare(encodeShare("hello", snap), "hello")).toEqual(snap);
  });

  it("belong to one simulator on the page", () => {
    expect(decodeShare(encodeShare("hello", snap), "other")).toBeNull();
  });

  it("ignore truncated or tampered links instead of failing", () => {
    const link = encodeShare("hello", snap);
    expect(decodeShare(link.slice(0, link.length - 10), "hello")).toBeNull();
    expect(decodeShare("#sim-hello=not-base64!!", "hello")).toBeNull();
    const hostile = `#sim-hello=${Buffer.from(JSON.stringify({ ...snap, memory: 99999 })).toString("base64url")}`;
    expect(decodeShare(hostile, "hello")).toBeNull();
  });
});
