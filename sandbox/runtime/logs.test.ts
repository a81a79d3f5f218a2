// DG nodejs-logging (REPORT/START/END), DG lambda-runtime-environment (failure suffixes, INIT_REPORT).
import { describe, expect, it } from "vitest";
import { formatInitReportLine, formatInitStartLine, formatJsonAppLine, formatMs, formatReportLine, formatStartLine, formatTextAppLine } from "./logs";

describe("platform lines", () => {
  it("formats START with the version", () => {
    expect(formatStartLine("abc", "$LATEST")).toBe("START RequestId: abc Version: $LATEST");
    expect(formatStartLine("abc", "3")).toBe("START RequestId: abc Version: 3");
  });

  it("formats REPORT tab-separated with a trailing tab and Init Duration last (DG nodejs-logging)", () => {
    expect(
      formatReportLine({ requestId: "r", durationMs: 128.83, billedDurationMs: 129, memorySizeMB: 128, maxMemoryUsedMB: 74, initDurationMs: 166.62 }),
    ).toBe("REPORT RequestId: r\tDuration: 128.83 ms\tBilled Duration: 129 ms\tMemory Size: 128 MB\tMax Memory Used: 74 MB\tInit Duration: 166.62 ms\t");
  });

  it("appends Status: timeout or Status: error with the Error Type", () => {
    const base = { requestId: "r", durationMs: 3000, billedDurationMs: 3000, memorySizeMB: 128, maxMemoryUsedMB: 70 };
    expect(formatReportLine({ ...base, status: "timeout" })).toMatch(/Max Memory Used: 70 MB\tStatus: timeout$/);
    expect(formatReportLine({ ...base, status: "error", errorType: "Runtime.ExitError" })).toMatch(/\tStatus: error\tError Type: Runtime.ExitError$/);
  });

  it("formats INIT_START and INIT_REPORT like the real runtime", () => {
    expect(formatInitStartLine("nodejs22.x", "us-east-1")).toMatch(/^INIT_START Runtime Version: nodejs:22\.v\d+\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:[0-9a-f]{64}$/);
    expect(formatInitReportLine({ initDurationMs: 229.04, phase: "init", status: "error", errorType: "Runtime.ImportModuleError" })).toBe(
      "INIT_REPORT Init Duration: 229.04 ms\tPhase: init\tStatus: error\tError Type: Runtime.ImportModuleError",
    );
    expect(formatInitReportLine({ initDurationMs: 1236.04, phase: "init", status: "timeout" })).toBe("INIT_REPORT Init Duration: 1236.04 ms\tPhase: init\tStatus: timeout");
  });

  it("prints durations with two decimals", () => {
    expect(formatMs(2)).toBe("2.00");
    expect(formatMs(1.236)).toBe("1.24");
  });
});

describe("application lines", () => {
  it("text: ISO timestamp, request id, level, message separated by tabs; undefined at init (RIC LogPatch)", () => {
    expect(formatTextAppLine(Date.UTC(2025, 0, 2, 3, 4, 5, 6), "id-1", "INFO", "hi")).toBe("2025-01-02T03:04:05.006Z\tid-1\tINFO\thi");
    expect(formatTextAppLine(0, undefined, "WARN", "x")).toBe("1970-01-01T00:00:00.000Z\tundefined\tWARN\tx");
  });

  it("JSON: timestamp, level, requestId then the message fields (DG monitoring-cloudwatchlogs-advanced)", () => {
    expect(JSON.parse(formatJsonAppLine(0, "id", "ERROR", '"message":{"a":1}'))).toEqual({
      timestamp: "1970-01-01T00:00:00.000Z",
      level: "ERROR",
      requestId: "id",
      message: { a: 1 },
    });
  });
});
