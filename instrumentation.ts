/**
 * Runs once when the server starts: validates the configuration so a bad one stops the server
 * with a clear message (STYLE.md point 1) instead of failing on the first request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node");
}
