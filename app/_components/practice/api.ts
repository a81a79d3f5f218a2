/** Calls to the practice API from the browser: JSON in and out, one retry on a network failure. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; error: string };

export async function api<T>(url: string, body?: unknown, { retries = 1 }: { retries?: number } = {}): Promise<ApiResult<T>> {
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await fetch(url, {
        method: body === undefined ? "GET" : "POST",
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: "no-store",
      });
      if (res.status === 204) return { ok: true, data: undefined as T };
      const data = (await res.json().catch(() => ({}))) as T & { error?: string };
      if (!res.ok) return { ok: false, status: res.status, error: data.error ?? `The server answered ${res.status}.` };
      return { ok: true, data };
    } catch {
      // Network failure: the same request (same attempt id) again; the server records it once.
      if (attempt >= retries) return { ok: false, status: 0, error: "The server could not be reached. Check your connection and try again." };
      await new Promise((r) => setTimeout(r, 500 * (attempt + 1)));
    }
  }
}

export function newAttemptId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** Start of the learner's day as ISO, for the review queue's "reviewed today". */
export function localDayStart(now = new Date()): string {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.toISOString();
}
