/**
 * The SQL migrations and prisma/schema.prisma describe the same database: every migration applies
 * to an empty database, every model's columns match the schema (names, types, nullability), and
 * every model can be written and read through the generated Prisma client.
 */
import { describe, expect, it } from "vitest";
import { databaseKinds, useMigratedDb } from "../helpers/databases";
import { expectedUdt, readPrismaSchema } from "../helpers/prisma-schema";

const { models, enums } = readPrismaSchema();
const enumNames = new Set(enums.map((e) => e.name));

describe.each(databaseKinds)("schema on $name", (kind) => {
  const db = useMigratedDb(kind);

  it("creates exactly one table per model, plus Prisma's migrations table", async () => {
    const rows = await db().sql.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    expect(rows.map((r) => r.table_name).sort()).toEqual([...models.map((m) => m.name), "_prisma_migrations"].sort());
  });

  it("creates every enum with the schema's values", async () => {
    for (const e of enums) {
      const rows = await db().sql.query<{ v: string }>(
        `SELECT e.enumlabel AS v FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = $1 ORDER BY e.enumsortorder`,
        [e.name],
      );
      expect(rows.map((r) => r.v), `enum ${e.name}`).toEqual(e.values);
    }
  });

  it.each(models.map((m) => [m.name, m] as const))("%s: columns match schema.prisma", async (_name, model) => {
    const columns = await db().sql.query<{ column_name: string; udt_name: string; is_nullable: string }>(
      `SELECT column_name, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
      [model.name],
    );
    const actual = Object.fromEntries(columns.map((c) => [c.column_name, { udt: c.udt_name, nullable: c.is_nullable === "YES" }]));
    const expected = Object.fromEntries(
      model.fields
        .filter((f) => !f.relation)
        // Prisma stores scalar lists as nullable arrays.
        .map((f) => [f.name, { udt: expectedUdt(f, enumNames), nullable: f.optional || f.list }]),
    );
    expect(actual).toEqual(expected);
  });

  it("writes and reads every model through the Prisma client", async () => {
    const p = db().prisma;
    const user = await p.user.create({ data: { email: "ada@example.com", name: "Ada", role: "TEACHER", passwordHash: "x", image: "i", emailVerified: new Date() } });
    const student = await p.user.create({ data: { email: "sam@example.com" } });
    await p.account.create({ data: { userId: user.id, type: "oauth", provider: "github", providerAccountId: "1", access_token: "t", expires_at: 1, scope: "s", token_type: "bearer", id_token: "i", refresh_token: "r", session_state: "s" } });
    await p.session.create({ data: { userId: user.id, sessionToken: "tok", expires: new Date() } });
    await p.verificationToken.create({ data: { identifier: "ada@example.com", token: "vt", expires: new Date() } });
    const attempt = await p.authAttempt.create({ data: { key: "email:ada@example.com", success: false } });
    await p.lessonProgress.create({ data: { userId: student.id, lessonId: "foundations/what-is-lambda", status: "COMPLETED", completedAt: new Date() } });
    const classroom = await p.classroom.create({ data: { name: "Serverless 101", description: "d", teacherId: user.id, joinCode: "ABCD2345", archivedAt: null } });
    await p.enrollment.create({ data: { classroomId: classroom.id, userId: student.id } });
    await p.classInvite.create({ data: { classroomId: classroom.id, email: "new@example.com" } });
    const assignment = await p.assignment.create({ data: { classroomId: classroom.id, title: "Week 1", instructions: "# Go", opensAt: new Date(), dueAt: new Date(), latePolicy: "CLOSE", latePenaltyPercent: 10, gradingPolicy: "LAST_BEFORE_DUE" } });
    const item = await p.assignmentItem.create({ data: { assignmentId: assignment.id, position: 0, kind: "CUSTOM_EXERCISE", contentId: null, config: { tests: [{ id: "t1", points: 5 }] }, points: 5 } });
    await p.extension.create({ data: { assignmentId: assignment.id, userId: student.id, dueAt: new Date() } });
    await p.exerciseSubmission.create({ data: { userId: student.id, exerciseId: item.id, assignmentItemId: item.id, code: "exports.handler=async()=>1", results: [{ caseId: "t1", passed: true }], passed: 1, total: 1, score: 1, verifiedBy: "SERVER", status: "GRADED", gradedAt: new Date(), lockedAt: new Date(), error: null } });
    const mock = await p.mockInterview.create({ data: { userId: student.id, config: { length: 10 }, questionIds: ["q1", "q2"], endsAt: new Date() } });
    await p.questionAttempt.create({ data: { userId: student.id, questionId: "q1", answer: { choice: "a" }, correct: true, score: 1, durationMs: 1200, mode: "MOCK", mockInterviewId: mock.id } });
    const card = await p.reviewCard.create({ data: { userId: student.id, questionId: "q1", due: new Date(), stability: 1.5, difficulty: 5.1, state: 2, lastReview: new Date() } });
    await p.reviewLog.create({ data: { cardId: card.id, userId: student.id, rating: 3, previous: { state: 0 } } });

    const read = await p.user.findUniqueOrThrow({
      where: { id: student.id },
      include: {
        lessonProgress: true,
        submissions: true,
        attempts: true,
        reviewCards: { include: { logs: true } },
        mockInterviews: true,
        enrollments: { include: { classroom: { include: { invites: true, assignments: { include: { items: true, extensions: true } }, teacher: { include: { accounts: true, sessions: true } } } } } },
      },
    });
    expect(read.lessonProgress[0]!.status).toBe("COMPLETED");
    expect(read.submissions[0]!.results).toEqual([{ caseId: "t1", passed: true }]);
    expect(read.attempts[0]!.answer).toEqual({ choice: "a" });
    expect(read.reviewCards[0]!.logs[0]!.previous).toEqual({ state: 0 });
    expect(read.mockInterviews[0]!.questionIds).toEqual(["q1", "q2"]);
    expect(read.mockInterviews[0]!.answers).toEqual({});
    const cls = read.enrollments[0]!.classroom;
    expect(cls.joinCodeEnabled).toBe(true);
    expect(cls.invites[0]!.email).toBe("new@example.com");
    expect(cls.assignments[0]!.items[0]!.config).toEqual({ tests: [{ id: "t1", points: 5 }] });
    expect(cls.assignments[0]!.extensions).toHaveLength(1);
    expect(cls.teacher.accounts[0]!.provider).toBe("github");
    expect(cls.teacher.sessions[0]!.sessionToken).toBe("tok");
    expect(await p.verificationToken.findUnique({ where: { token: "vt" } })).not.toBeNull();
    expect(typeof (await p.authAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).id).toBe("bigint");
  });
});
