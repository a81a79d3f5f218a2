/**
 * Share links: a simulator's code, event and settings, encoded in the URL's fragment
 * (`#sim-<id>=<base64url JSON>`). The fragment never reaches the server, and opening the link
 * restores the editor without running anything.
 */
export interface SimulatorSnapshot {
  code: string;
  eventId: string;
  eventText: string;
  memory: number;
  timeout: number;
  envText: string;
}

/** Checks a decoded link (hand-written rather than zod, to keep zod out of the page's bundle). */
function isSnapshot(value: unknown): value is SimulatorSnapshot {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  const text = (key: string, max: number) => {
    const x = v[key];
    return typeof x === "string" && x.length <= max;
  };
  const int = (key: string, min: number, max: number) => Number.isInteger(v[key]) && (v[key] as number) >= min && (v[key] as number) <= max;
  return text("code", 200_000) && text("eventId", 200) && text("eventText", 1_000_000) && text("envText", 4096) && int("memory", 128, 10240) && typeof v.timeout === "number" && v.timeout >= 1 && v.timeout <= 900;
}

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
    const value: unknown = JSON.parse(fromBase64Url(part.slice(prefix.length)));
    return isSnapshot(value) ? value : null;
  } catch {
    return null;
  }
}
