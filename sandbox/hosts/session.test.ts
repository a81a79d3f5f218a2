import { describe, expect, it } from "vitest";
import { INIT_TIMEOUT_MS, realTimeCapMs } from "../runtime/environment";
import { DEFAULT_HARD_STOP, engineRealTimeCapMs, hardStopMs } from "./session";

describe("hard stop deadlines", () => {
  it("use the engine's own real-time cap of a virtual-clock phase", () => {
    for (const limit of [0, 1, 500, 1000, 3000, 10_000, 900_000]) expect(engineRealTimeCapMs(limit)).toBe(realTimeCapMs(limit));
  });

  it("allow Lambda's init limit only while the environment is cold", () => {
    expect(DEFAULT_HARD_STOP.initAllowanceMs).toBe(INIT_TIMEOUT_MS);
    // Warm, 3 s timeout: cap(3 s) = 6 s, + 1 s margin.
    expect(hardStopMs({ files: {} }, false)).toBe(7_000);
    // Cold: + cap(10 s) = 20 s.
    expect(hardStopMs({ files: {} }, true)).toBe(27_000);
    // 900 s timeout, warm: 1,800 s + 1 s.
    expect(hardStopMs({ files: {}, timeoutSeconds: 900 }, false)).toBe(1_801_000);
  });
});
