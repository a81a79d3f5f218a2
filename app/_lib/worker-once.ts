/**
 * Runs one job in a fresh Web Worker and terminates it afterwards, with a hard deadline: a worker
 * stuck where the engine's own interrupt cannot reach is simply killed, and the page never hangs.
 * The worker answers `{ ok: true, ...result }` or `{ ok: false, error }`.
 */
export function runWorkerOnce<Result>(createWorker: () => Worker, message: unknown, deadlineMs: number, overdue: string): Promise<Result> {
  const worker = createWorker();
  return new Promise<Result>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(overdue)), deadlineMs);
    worker.onmessage = (e: MessageEvent<({ ok: true } & Result) | { ok: false; error: string }>) => {
      clearTimeout(timer);
      if (e.data.ok) resolve(e.data);
      else reject(new Error(e.data.error));
    };
    worker.onerror = (e) => {
      clearTimeout(timer);
      e.preventDefault();
      reject(new Error(e.message || "The worker stopped."));
    };
    worker.postMessage(message);
  }).finally(() => worker.terminate());
}
