/** Rosters (CSV import, invites consumed on join), grades with policies and extensions, the gradebook and its CSV. */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/app/_server/classes/access";
import { createAssignment, setExtension, studentClasses, submitItem } from "@/app/_server/classes/assignments";
import { acceptInvites, classForTeacher, createClass, importRoster, joinClass, removeStudent } from "@/app/_server/classes/classes";
import { gradebook, gradebookCsv, studentDetail } from "@/app/_server/classes/gradebook";
import type { Db } from "@/app/_server/db/client";
import { databaseKinds, migratedDb, type MigratedDb } from "../helpers/databases";

const CUSTOM = `
id: add-one
title: Add one
instructions: Return event.n + 1.
stub: { index.mjs: "export const handler = async (e) => 0;" }
solution: { index.mjs: "export const handler = async (e) => e.n + 1;" }
tests:
  - { id: adds-one, name: adds one, points: 1, event: { n: 1 }, expect: { response: 2 } }
  - { id: secret, name: adds one to five, points: 1, hidden: true, event: { n: 5 }, expect: { response: 6 } }
`;

describe.each(databaseKinds)("rosters and the gradebook on $name", (kind) => {
  let db: MigratedDb;
  let prisma: Db;
  let teacher: Actor;
  let ada: Actor;
  let classroom: { id: string; joinCode: string };

  const user = async (email: string, name: string, role: "LEARNER" | "TEACHER" = "LEARNER"): Promise<Actor> => {
    const u = await prisma.user.create({ data: { email, name, role } });
    return { id: u.id, email: u.email, role: u.role };
  };

  beforeAll(async () => {
    db = await migratedDb(kind);
    prisma = db.prisma;
    teacher = await user("teach@example.com", "Teach", "TEACHER");
    ada = await user("ada@example.com", "Ada, \"the first\"");
    classroom = await createClass(prisma, teacher, { name: "Gradebook class", description: "For testing" });
  });
  afterAll(async () => {
    await db?.close();
    await db?.drop();
  });

  it("imports a CSV roster: accounts are enrolled, other emails invited until they join", async () => {
    const result = await importRoster(prisma, teacher, { classId: classroom.id, csv: "email\nADA@example.com\ngrace@example.com\nnot-an-email@\n" });
    expect(result).toEqual({ enrolled: 1, invited: 1, alreadyThere: 0, rejected: ["not-an-email@"] });
    expect(await importRoster(prisma, teacher, { classId: classroom.id, csv: "ada@example.com,grace@example.com" })).toMatchObject({ enrolled: 0, invited: 0, alreadyThere: 2 });

    // Grace signs up later: her invite turns into an enrolment.
    const grace = await user("grace@example.com", "Grace");
    expect(await acceptInvites(prisma, grace)).toEqual({ joined: 1 });
    const c = await classForTeacher(prisma, teacher, classroom.id);
    expect(c.enrollments.map((e) => e.user.email).sort()).toEqual(["ada@example.com", "grace@example.com"]);
    expect(c.invites).toEqual([]);

    // Joining with the link consumes an invite too.
    await importRoster(prisma, teacher, { classId: classroom.id, csv: "lin@example.com" });
    const lin = await user("lin@example.com", "Lin");
    await joinClass(prisma, lin, { code: classroom.joinCode });
    expect(await prisma.classInvite.count({ where: { classroomId: classroom.id } })).toBe(0);
    await removeStudent(prisma, teacher, { classId: classroom.id, userId: lin.id });
    expect((await classForTeacher(prisma, teacher, classroom.id)).enrollments).toHaveLength(2);
  });

  it("grades lessons and exercises with the late penalty and extensions; exports the gradebook as CSV", async () => {
    const grace = (await prisma.user.findUniqueOrThrow({ where: { email: "grace@example.com" } })) as Actor;
    const due = new Date(Date.now() + 3_600_000);
    const a = await createAssignment(prisma, teacher, {
      classId: classroom.id,
      title: "Week 1",
      instructions: "# Hello",
      dueAt: due.toISOString(),
      latePenaltyPercent: 50,
      items: [
        { kind: "LESSON", lessonId: "foundations/what-is-lambda", points: 10 },
        { kind: "CUSTOM_EXERCISE", source: CUSTOM, points: 20 },
      ],
    });
    const exercise = a.items[1];
    await prisma.lessonProgress.create({ data: { userId: ada.id, lessonId: "foundations/what-is-lambda", status: "COMPLETED", completedAt: new Date() } });
    // Ada: one graded on-time submission half right; one later (after the due date) fully right.
    const s1 = await submitItem(prisma, ada, { itemId: exercise!.id, submissionId: randomUUID(), files: { "index.mjs": "export const handler = async (e) => 2;" } });
    await prisma.exerciseSubmission.update({
      where: { id: s1.id },
      data: { status: "GRADED", score: 0.5, passed: 1, total: 2, results: [{ caseId: "adds-one", name: "adds one", passed: true, hidden: false, points: 1, maxPoints: 1, message: "" }, { caseId: "secret", name: "adds one to five", passed: false, hidden: true, points: 0, maxPoints: 1, message: "expected 6, got 2" }] },
    });
    await prisma.exerciseSubmission.create({ data: { userId: ada.id, assignmentItemId: exercise!.id, exerciseId: exercise!.id, code: "{}", status: "GRADED", score: 1, passed: 2, total: 2, submittedAt: new Date(due.getTime() + 60_000) } });
    // Grace: a late full score, but with an extension that covers it; plus one still queued.
    await setExtension(prisma, teacher, { assignmentId: a.id, userId: grace.id, dueAt: new Date(due.getTime() + 7_200_000).toISOString() });
    await prisma.exerciseSubmission.create({ data: { userId: grace.id, assignmentItemId: exercise!.id, exerciseId: exercise!.id, code: "{}", status: "GRADED", score: 1, passed: 2, total: 2, submittedAt: new Date(due.getTime() + 60_000) } });

    const book = await gradebook(prisma, teacher, classroom.id);
    expect(book.columns.map((c) => c.title)).toEqual(["Lesson: What is AWS Lambda?", "Exercise: Add one"].map((t) => expect.stringContaining(t.split(":")[0]!)));
    const [adaRow, graceRow] = book.rows;
    expect(adaRow!.student.email).toBe("ada@example.com");
    expect(adaRow!.cells.map((c) => [c.status, c.points, c.late])).toEqual([
      ["completed", 10, false],
      ["passed", 10, false], // best: max(0.5 on time, 1 late × 50%) = 0.5 of 20 points, on time
    ]);
    expect(graceRow!.cells.map((c) => [c.status, c.points, c.late])).toEqual([
      ["not-started", null, false],
      ["passed", 20, false],
    ]);
    expect(book.summary.mostFailed).toEqual([expect.objectContaining({ caseId: "secret", failures: 1, students: 1, hidden: true })]);
    expect(book.summary.items[0]).toMatchObject({ done: 1, notStarted: 1 });

    const detail = await studentDetail(prisma, teacher, classroom.id, ada.id);
    expect(detail.submissions).toHaveLength(2);
    expect(detail.submissions.find((s) => s.id === s1.id)!.files).toEqual({ "index.mjs": "export const handler = async (e) => 2;" });
    expect(detail.submissions.find((s) => s.id === s1.id)!.cases.map((c) => c.message)).toContain("expected 6, got 2");

    const { filename, csv } = await gradebookCsv(prisma, teacher, classroom.id);
    expect(filename).toBe("gradebook-gradebook-class.csv");
    const lines = csv.split("\r\n");
    expect(lines[0]).toMatch(/^Name,Email,"?Week 1 — Lesson: .*\(10\)"?,Week 1 — Exercise: Add one \(20\),Total \(30\)$/);
    expect(lines[1]).toBe('"Ada, ""the first""",ada@example.com,10,10,20');
    expect(lines[2]).toBe("Grace,grace@example.com,,20,20");

    // The student's own overview: due, late, scores.
    const [mine] = await studentClasses(prisma, ada);
    expect(mine!.assignments[0]).toMatchObject({ title: "Week 1", points: 20, maxPoints: 30, late: false, done: true });
  });
});
