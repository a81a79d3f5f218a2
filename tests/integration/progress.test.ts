import { beforeAll, describe, expect, it } from "vitest";
import { getProgress, recordProgress } from "@/app/_server/progress";
import { recordSubmission } from "@/app/_server/submissions";
import { databaseKinds, useMigratedDb } from "../helpers/databases";

const lessons = new Set(["foundations/what-is-lambda", "foundations/the-handler", "execution-model/cold-starts"]);

describe.each(databaseKinds)("lesson progress on $name", (kind) => {
  const db = useMigratedDb(kind);
  let userId: string;
  beforeAll(async () => {
    userId = (await db().prisma.user.create({ data: { email: "p@example.com" } })).id;
  });

  it("records a visit as started and a completion as completed", async () => {
    await recordProgress(db().prisma, userId, [{ lessonId: "foundations/what-is-lambda", status: "STARTED" }], lessons, new Date(1000));
    await recordProgress(db().prisma, userId, [{ lessonId: "foundations/the-handler", status: "COMPLETED" }], lessons, new Date(2000));
    expect(await getProgress(db().prisma, userId)).toEqual({
      statuses: { "foundations/what-is-lambda": "STARTED", "foundations/the-handler": "COMPLETED" },
      lastVisited: "foundations/the-handler",
    });
  });

  it("never moves a completed lesson back to started, and keeps its first completion time", async () => {
    await recordProgress(db().prisma, userId, [{ lessonId: "foundations/the-handler", status: "STARTED" }], lessons, new Date(3000));
    await recordProgress(db().prisma, userId, [{ lessonId: "foundations/the-handler", status: "COMPLETED" }], lessons, new Date(4000));
    const row = await db().prisma.lessonProgress.findUniqueOrThrow({ where: { userId_lessonId: { userId, lessonId: "foundations/the-handler" } } });
    expect(row.status).toBe("COMPLETED");
    expect(row.completedAt?.getTime()).toBe(2000);
    expect((await getProgress(db().prisma, userId)).lastVisited).toBe("foundations/the-handler");
  });

  it("merges a browser's anonymous progress idempotently and ignores unknown lessons", async () => {
    const entries = [
      { lessonId: "execution-model/cold-starts", status: "COMPLETED" as const },
      { lessonId: "execution-model/cold-starts", status: "STARTED" as const },
      { lessonId: "nowhere/at-all", status: "COMPLETED" as const },
    ];
    const first = await recordProgress(db().prisma, userId, entries, lessons, new Date(5000));
    expect(first).toEqual({ recorded: 1, unknown: ["nowhere/at-all"] });
    await recordProgress(db().prisma, userId, entries, lessons, new Date(6000));
    expect(await db().prisma.lessonProgress.count({ where: { userId } })).toBe(3);
    expect((await getProgress(db().prisma, userId)).statuses["execution-model/cold-starts"]).toBe("COMPLETED");
  });
});


describe.each(databaseKinds)("exercise submissions on $name", (kind) => {
  const db = useMigratedDb(kind);
  let userId: string;
  beforeAll(async () => {
    userId = (await db().prisma.user.create({ data: { email: "s@example.com" } })).id;
  });

  const report = { exerciseId: "x", passed: 1, total: 2, allPassed: false, points: 1, maxPoints: 2, score: 0.5, cases: [{ id: "a", name: "a", passed: true, hidden: false, points: 1, maxPoints: 1, message: "", durationMs: 1 }, { id: "b", name: "b", passed: false, hidden: true, points: 0, maxPoints: 1, message: "hidden test failed", durationMs: 1 }] };

  it("records a server-verified submission once, however often the same submit is retried", async () => {
    const input = { submissionId: "6f1c1f5e-1b2a-4c3d-9e8f-001122334455", userId, exerciseId: "x", files: { "index.mjs": "export const handler = 1" }, report };
    const results = await Promise.all([recordSubmission(db().prisma, input), recordSubmission(db().prisma, input), recordSubmission(db().prisma, input)]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const rows = await db().prisma.exerciseSubmission.findMany({ where: { userId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ verifiedBy: "SERVER", status: "GRADED", passed: 1, total: 2, score: 0.5 });
    expect(JSON.parse(rows[0]!.code)).toEqual(input.files);
  });
});
