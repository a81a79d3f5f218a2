// AWS compute blog "AWS Lambda standardizes billing for INIT Phase" (Aug 2025); DG configuration-memory (1,769 MB = 1 vCPU).
import { describe, expect, it } from "vitest";
import { billedDurationMs, cpuSlowdown, maxMemoryUsedMB, RUNTIME_BASELINE_MB } from "./model";

describe("duration and memory model", () => {
  it("bills whole milliseconds, rounding up", () => {
    expect(billedDurationMs(128.83)).toBe(129);
    expect(billedDurationMs(2)).toBe(2);
  });

  it("bills the init phase on a cold on-demand start: 133.61 + 80.00 → 214 (doc example)", () => {
    expect(billedDurationMs(133.61, 80)).toBe(214);
  });

  it("gives 1,769 MB one full vCPU and slows smaller sizes proportionally", () => {
    expect(cpuSlowdown(1769)).toBe(1);
    expect(cpuSlowdown(10240)).toBe(1);
    expect(cpuSlowdown(128)).toBeCloseTo(13.82, 2);
  });

  it("reports Max Memory Used as the runtime baseline plus the guest heap, capped at Memory Size", () => {
    expect(maxMemoryUsedMB(1, 128)).toBe(RUNTIME_BASELINE_MB + 1);
    expect(maxMemoryUsedMB(500 * 1024 * 1024, 128)).toBe(128);
  });
});

describe("Max Memory Used from the engine's accounting", async () => {
  const { invokeOnce } = await import("./testing");
  it("grows with what the handler keeps alive", async () => {
    const small = await invokeOnce("exports.handler = async () => 1;");
    const big = await invokeOnce("const keep = []; exports.handler = async () => { for (let i = 0; i < 40; i++) keep.push(new ArrayBuffer(1024 * 1024)); return keep.length; };");
    expect(small.maxMemoryUsedMB).toBeGreaterThanOrEqual(RUNTIME_BASELINE_MB);
    expect(small.maxMemoryUsedMB).toBeLessThan(RUNTIME_BASELINE_MB + 4);
    expect(big.maxMemoryUsedMB).toBeGreaterThanOrEqual(RUNTIME_BASELINE_MB + 40);
    expect(big.maxMemoryUsedMB).toBeLessThanOrEqual(128);
  });
});
