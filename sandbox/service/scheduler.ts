/**
 * The deterministic virtual clock: a discrete-event scheduler. Work is posted at a virtual time
 * (milliseconds since the start of the run) and run in time order; ties run in priority order
 * (environment releases before arrivals, so an environment that finishes at t serves a request
 * arriving at t), then in the order posted. Nothing waits in real time, so minutes of retries run
 * in milliseconds and the same inputs always give the same order.
 *
 * Other components (event sources, simulated services: issue 5) post their own work here through
 * the {@link Clock} interface.
 */

export type Task = () => void | Promise<void>;

/** What other components see of the scheduler. */
export interface Clock {
  /** Current virtual time, ms since the start of the run. */
  now(): number;
  /** Post `task` at virtual time `time` (never earlier than now). */
  at(time: number, task: Task, priority?: number): void;
  /** Post `task` `delayMs` from now. */
  after(delayMs: number, task: Task, priority?: number): void;
}

/** Priorities for tasks posted at the same time: lower runs first. */
export const PRIORITY = { release: 0, normal: 1, late: 2 } as const;

interface Entry {
  time: number;
  priority: number;
  seq: number;
  task: Task;
}

export class Scheduler implements Clock {
  private heap: Entry[] = [];
  private seq = 0;
  private current = 0;

  now(): number {
    return this.current;
  }

  /** Number of tasks still posted. */
  get pending(): number {
    return this.heap.length;
  }

  /** Time of the next task, or undefined when none. */
  nextTime(): number | undefined {
    return this.heap[0]?.time;
  }

  at(time: number, task: Task, priority: number = PRIORITY.normal): void {
    if (!Number.isFinite(time)) throw new RangeError(`scheduler: time must be finite (got ${time})`);
    this.push({ time: Math.max(time, this.current), priority, seq: this.seq++, task });
  }

  after(delayMs: number, task: Task, priority: number = PRIORITY.normal): void {
    this.at(this.current + Math.max(0, delayMs), task, priority);
  }

  /** Move the clock forward without running anything (never backwards). */
  advanceTo(time: number): void {
    if (time > this.current) this.current = time;
  }

  /**
   * Run tasks in order while the next one is due at or before `until` (all of them when
   * undefined). The clock ends at `until` when given (unless `advance` is false), else at the last
   * task's time.
   */
  async run(until?: number, advance = true): Promise<void> {
    for (;;) {
      const next = this.heap[0];
      if (!next || (until !== undefined && next.time > until)) break;
      this.pop();
      this.current = next.time;
      const r = next.task();
      if (r !== undefined) await r;
    }
    if (until !== undefined && advance) this.advanceTo(until);
  }

  /** Drop every posted task (used when a run ends with work left). */
  clear(): Entry[] {
    const left = this.heap;
    this.heap = [];
    return left;
  }

  // ---- binary heap ----------------------------------------------------------------------------

  private less(a: Entry, b: Entry): boolean {
    if (a.time !== b.time) return a.time < b.time;
    if (a.priority !== b.priority) return a.priority < b.priority;
    return a.seq < b.seq;
  }

  private push(e: Entry): void {
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = h[p] as Entry;
      if (!this.less(e, parent)) break;
      h[i] = parent;
      i = p;
    }
    h[i] = e;
  }

  private pop(): Entry | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      let i = 0;
      const n = h.length;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        let best = last;
        const L = h[l];
        if (l < n && L && this.less(L, best)) {
          m = l;
          best = L;
        }
        const R = h[r];
        if (r < n && R && this.less(R, best)) {
          m = r;
          best = R;
        }
        if (m === i) break;
        h[i] = best;
        i = m;
      }
      h[i] = last;
    }
    return top;
  }
}
