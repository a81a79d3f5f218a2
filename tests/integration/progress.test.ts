import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getProgress, recordProgress } from "@/app/_server/progress";
import { databaseKinds, migratedDb, type MigratedDb } from "../helpers/databases";

const lessons = new Set(["foundations/what-is-lambda", "foundations/the-handler", "execution-model/cold-starts"]);

describe.each(databaseKinds)("lesson progress on $name", (kind) => {
  let db: MigratedDb;
  let userId: string;
  beforeAll(async () => {
    db = await migratedDb(kind);
    userId = (await db.prisma.user.create({ data: { email: "p@example.com" } })).id;
  });
  afterAll(async () => {
    await db?.close();
    await db?.drop();
  });

  it("records a visit as started and a completion as completed", async () => {
    await recordProgress(db.prisma, userId, [{ lessonId: "foundations/what-is-lambda", status: "STARTED" }], lessons, new Date(1000));
    await recordProgress(db.prisma, userId, [{ lessonId: "foundations/the-handler", status: "COMPLETED" }], lessons, new Date(2000));
    expect(await getProgress(db.prisma, userId)).toEqual({
      statuses: { "foundations/what-is-lambda": "STARTED", "foundations/the-handler": "COMPLETED" },
      lastVisited: "foundations/the-handler",
    });
  });

  it("never moves a completed lesson back to started, and keeps its first completion time", async () => {
    await recordProgress(db.prisma, userId, [{ lessonId: "foundations/the-handler", status: "STARTED" }], lessons, new Date(3000));
    await recordProgress(db.prisma, userId, [{ lessonId: "foundations/the-handler", status: "COMPLETED" }], lessons, new Date(4000));
    const row = await db.prisma.lessonProgress.findUniqueOrThrow({ where: { userId_lessonId: { userId, lessonId: "foundations/the-handler" } } });
    expect(row.status).toBe("COMPLETED");
    expect(row.completedAt?.getTime()).toBe(2000);
    expect((await getProgress(db.prisma, userId)).lastVisited).toBe("foundations/the-handler");
  });

  it("merges a browser's anonymous progress idempotently and ignores unknown lessons", async () => {
    const entries = [
      { lessonId: "execution-model/cold-starts", status: "COMPLETED" as const },
      { lessonId: "execution-model/cold-starts", status: "STARTED" as const },
      { lessonId: "nowhere/at-all", status: "COMPLETED" as const },
    ];
    const first = await recordProgress(db.prisma, userId, entries, lessons, new Date(5000));
    expect(first).toEqual({ recorded: 1, unknown: ["nowhere/at-all"] });
    await recordProgress(db.prisma, userId, entries, lessons, new Date(6000));
    expect(await db.prisma.lessonProgress.count({ where: { userId } })).toBe(3);
    expect((await getProgress(db.prisma, userId)).statuses["execution-model/cold-starts"]).toBe("COMPLETED");
  });
});
