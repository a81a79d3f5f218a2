import { describe, expect, it } from "vitest";
import { z } from "zod";
import { HttpError, readJson, route } from "./http";

const schema = z.object({ name: z.string() });
const post = (body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }) =>
  new Request("http://localhost/api/x", { method: "POST", body, headers });

async function status(request: Request, max?: number): Promise<number | "ok"> {
  try {
    await readJson(request, schema, max);
    return "ok";
  } catch (error) {
    return (error as HttpError).status;
  }
}

describe("readJson", () => {
  it("parses and validates a JSON body", async () => {
    expect(await readJson(post('{"name":"a"}'), schema)).toEqual({ name: "a" });
  });

  it("answers 415 for a body that is not JSON, 400 for malformed JSON, 422 for the wrong shape", async () => {
    expect(await status(post("name=a", { "content-type": "application/x-www-form-urlencoded" }))).toBe(415);
    expect(await status(post("{name:"))).toBe(400);
    expect(await status(post('{"name":1}'))).toBe(422);
    expect(await status(post(""))).toBe(400);
  });

  it("answers 413 for an oversized body, even when Content-Length is absent or lies", async () => {
    const big = JSON.stringify({ name: "a".repeat(2000) });
    expect(await status(post(big), 1024)).toBe(413);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode("a".repeat(500)));
        controller.close();
      },
    });
    const chunked = new Request("http://localhost/x", { method: "POST", body: stream, headers: { "content-type": "application/json", "content-length": "10" }, duplex: "half" } as RequestInit);
    expect(await status(chunked, 1024)).toBe(413);
  });
});

describe("route", () => {
  it("maps HttpError to its status and hides unexpected errors behind a 500", async () => {
    const handler = route(async (request: Request) => {
      if (request.url.endsWith("/teapot")) throw new HttpError(418, "short and stout");
      throw new Error("secret internals");
    });
    const teapot = await handler(new Request("http://localhost/teapot"));
    expect(teapot.status).toBe(418);
    expect(await teapot.json()).toEqual({ error: "short and stout" });
    const original = console.error;
    console.error = () => {};
    const broken = await handler(new Request("http://localhost/boom")).finally(() => (console.error = original));
    expect(broken.status).toBe(500);
    expect(JSON.stringify(await broken.json())).not.toContain("secret internals");
  });
});
