/**
 * Route-handler plumbing: bounded JSON bodies validated with zod, and one error type mapped to a
 * JSON response at the boundary (STYLE.md, Hono's habit). Users never see a stack trace.
 */
import { NextResponse } from "next/server";
import type { z } from "zod";

export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const DEFAULT_BODY_LIMIT = 64 * 1024;

/** Reads a JSON body of at most `maxBytes`, validated by `schema`. Throws HttpError 400/413/415/422. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S, maxBytes = DEFAULT_BODY_LIMIT): Promise<z.output<S>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new HttpError(415, "Send the request body as JSON (Content-Type: application/json).");
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const text = await readLimited(request, maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, `The request body is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new HttpError(422, "The request body is not what this endpoint expects.", parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
  }
  return parsed.data;
}

function tooLarge(maxBytes: number) {
  return new HttpError(413, `The request body is larger than ${Math.round(maxBytes / 1024)} KB.`);
}

/** Reads the body as text, stopping (413) as soon as it exceeds the limit, whatever the headers claim. */
async function readLimited(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

export function jsonError(status: number, message: string, details?: unknown): NextResponse {
  return NextResponse.json(details === undefined ? { error: message } : { error: message, details }, { status });
}

/** Wraps a route handler: HttpError → its status; anything else → logged, 500 without details. */
export function route<Args extends unknown[]>(handler: (request: Request, ...args: Args) => Promise<Response>) {
  return async (request: Request, ...args: Args): Promise<Response> => {
    try {
      return await handler(request, ...args);
    } catch (error) {
      if (error instanceof HttpError) return jsonError(error.status, error.message, error.details);
      console.error(`${request.method} ${new URL(request.url).pathname} failed:`, error);
      return jsonError(500, "Something went wrong on our side. Please try again.");
    }
  };
}
