/**
 * Calibration of {@link MS_PER_INTERRUPT} (model.ts): how many milliseconds of real time one call of
 * the QuickJS interrupt handler stands for, on the machine running this script, at full speed.
 *
 *   npx tsx sandbox/runtime/calibrate.ts
 *
 * It runs three workloads (arithmetic loop, object/array churn, string building) in a bare QuickJS
 * runtime, counts interrupt-handler calls and divides wall time by them. The constant in model.ts
 * was set from the median on the project's reference machine; re-running it elsewhere shows how far
 * that machine is from the reference, it does not (and must not) change what environments report.
 */
import { loadEngine } from "./engine";
import { MS_PER_INTERRUPT } from "./model";

const WORKLOADS: Record<string, string> = {
  arithmetic: "let s = 0; for (let i = 0; i < 5e6; i++) s += i % 7; s",
  objects: "const a = []; for (let i = 0; i < 3e5; i++) { a.push({ i, s: 'k' + i }); if (a.length > 1000) a.length = 0; } a.length",
  strings: "let t = ''; for (let i = 0; i < 2e5; i++) { t += String.fromCharCode(65 + (i % 26)); if (t.length > 4096) t = ''; } t.length",
};

export async function calibrate(rounds = 5): Promise<Record<string, number>> {
  const mod = await loadEngine();
  const out: Record<string, number> = {};
  for (const [name, code] of Object.entries(WORKLOADS)) {
    const samples: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const rt = mod.newRuntime();
      let calls = 0;
      rt.setInterruptHandler(() => {
        calls++;
        return false;
      });
      const ctx = rt.newContext();
      const t0 = performance.now();
      const res = ctx.evalCode(code);
      const ms = performance.now() - t0;
      if (res.error) res.error.dispose();
      else res.value.dispose();
      ctx.dispose();
      rt.dispose();
      if (calls > 0) samples.push(ms / calls);
    }
    samples.sort((a, b) => a - b);
    out[name] = samples[Math.floor(samples.length / 2)] ?? NaN;
  }
  return out;
}

const isMain = typeof process !== "undefined" && Array.isArray(process.argv) && /calibrate\.ts$/.test(process.argv[1] ?? "");
if (isMain) {
  void calibrate().then((r) => {
    for (const [k, v] of Object.entries(r)) console.log(`${k.padEnd(12)} ${v.toFixed(4)} ms per interrupt`);
    console.log(`model.ts MS_PER_INTERRUPT = ${MS_PER_INTERRUPT}`);
  });
}
