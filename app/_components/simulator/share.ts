/**
 * Share links: a simulator's code, event and settings, encoded in the URL's fragment
 * (`#sim-<id>=<base64url JSON>`). The fragment never reaches the server, and opening the link
 * restores the editor without running anything.
 */
import { z } from "zod";

export const snapshotSchema = z.object({
  code: z.string().max(200_000),
  eventId: z.string().max(200),
  eventText: z.string().max(1_000_000),
  memory: z.number().int().min(128).max(10240),
  timeout: z.number().min(1).max(900),
  envText: z.string().max(4096),
});
export type SimulatorSnapshot = z.infer<typeof snapshotSchema>;

function toBase64Url(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(value: string): string {
  const binary = atob(value.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function encodeShare(id: string, snapshot: SimulatorSnapshot): string {
  return `#sim-${encodeURIComponent(id)}=${toBase64Url(JSON.stringify(snapshot))}`;
}

/** The snapshot for simulator `id` in a URL fragment, or null (absent, truncated or tampered). */
export function decodeShare(hash: string, id: string): SimulatorSnapshot | null {
  const prefix = `sim-${encodeURIComponent(id)}=`;
  const part = hash.replace(/^#/, "").split("&").find((p) => p.startsWith(prefix));
  if (!part) return null;
  try {
    const parsed = snapshotSchema.safeParse(JSON.parse(fromBase64Url(part.slice(prefix.length))));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
