/**
 * Question-set items, editing assignments, the teacher's preview and the check a custom exercise
 * gets when it is saved, on a real database with the real grader; each new function walked with
 * the six roles (anonymous, learner, student of the class, student of another class, the teacher,
 * another teacher).
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/app/_server/classes/access";
import { createAssignment, gradeCells, studentAssignment, submitItem } from "@/app/_server/classes/assignments";
import { createClass, importRoster, joinClass } from "@/app/_server/classes/classes";
import { assignmentForEdit, previewAssignment, updateAssignment } from "@/app/_server/classes/editing";
import { gradebook } from "@/app/_server/classes/gradebook";
import { questionBankForTeachers, submitQuestionSet } from "@/app/_server/classes/question-sets";
import { serverGrader } from "@/app/_server/grading";
import { HttpError } from "@/app/_server/http";
import type { Db } from "@/app/_server/db/client";
import { databaseKinds, migratedDb, type MigratedDb } from "../helpers/databases";

const ROLES = ["anonymous", "learner", "student", "otherStudent", "teacher", "otherTeacher"] as const;
type RoleName = (typeof ROLES)[number];
type Expected = Record<RoleName, "ok" | number>;
const TEACHER_ONLY: Expected = { anonymous: 401, learner: 403, student: 403, otherStudent: 403, teacher: "ok", otherTeacher: 403 };
const STUDENT_ONLY: Expected = { anonymous: 401, learner: 403, student: "ok", otherStudent: 403, teacher: 403, otherTeacher: 403 };

const custom = (solution: string, stub = "export const handler = async (e) => 0;") => `
id: add-one
instructions: Return event.n + 1.
stub: { index.mjs: "${stub}" }
solution: { index.mjs: "${solution}" }
tests:
  - { id: adds-one, name: adds one, event: { n: 1 }, expect: { response: 2 } }
  - { id: secret, name: a hidden case, hidden: true, event: { n: 5 }, expect: { response: 6 } }
`;
const GOOD = custom("export const handler = async (e) => e.n + 1;");

async function outcome(call: () => Promise<unknown>): Promise<"ok" | number> {
  try {
    await call();
    return "ok";
  } catch (error) {
    if (error instanceof HttpError) return error.status;
    throw error;
  }
}

afterAll(() => serverGrader().dispose());

describe.each(databaseKinds)("question sets, editing and preview on $name", (kind) => {
  let db: MigratedDb;
  let prisma: Db;
  const who = {} as Record<RoleName, Actor | null>;
  let classA: { id: string; joinCode: string };

  const user = async (email: string, role: "LEARNER" | "TEACHER" = "LEARNER"): Promise<Actor> => {
    const u = await prisma.user.create({ data: { email, role } });
    return { id: u.id, email: u.email, role: u.role };
  };
  async function walk(name: string, expected: Expected, call: (actor: Actor | null, role: RoleName) => Promise<unknown>) {
    const got = {} as Record<RoleName, "ok" | number>;
    for (const role of ROLES) got[role] = await outcome(() => call(who[role], role));
    expect(got, name).toEqual(expected);
  }

  beforeAll(async () => {
    db = await migratedDb(kind);
    prisma = db.prisma;
    who.anonymous = null;
    who.learner = await user("learner@example.com");
    who.student = await user("student@example.com");
    who.otherStudent = await user("other-student@example.com");
    who.teacher = await user("teacher@example.com", "TEACHER");
    who.otherTeacher = await user("other-teacher@example.com", "TEACHER");
    classA = await createClass(prisma, who.teacher, { name: "Class A" });
    const classB = await createClass(prisma, who.otherTeacher, { name: "Class B" });
    await joinClass(prisma, who.student, { code: classA.joinCode });
    await joinClass(prisma, who.otherStudent, { code: classB.joinCode });
  });
  afterAll(async () => {
    await db?.close();
    await db?.drop();
  });

  it("a question set: picked from the bank with a pass mark, answered by a student, graded on the server against the pass mark", async () => {
    const a = await createAssignment(prisma, who.teacher, { classId: classA.id, title: "Quiz", items: [{ kind: "QUESTION_SET", questionIds: ["what-is-lambda", "serverless-idle-cost"], passMark: 50, points: 20 }] });
    const item = a.items[0]!;
    const view = await studentAssignment(prisma, who.student, a.id);
    const set = view.items[0]!.questionSet!;
    expect(set.passMark).toBe(50);
    expect(set.questions.map((q) => q.id)).toEqual(["what-is-lambda", "serverless-idle-cost"]);
    expect(JSON.stringify(set)).not.toMatch(/"correct"|wrongExplanation/); // no answers reach the student

    const half = await submitQuestionSet(prisma, who.student, { itemId: item.id, submissionId: randomUUID(), answers: { "what-is-lambda": { type: "single", selected: "b" }, "serverless-idle-cost": { type: "true-false", value: true } } });
    expect(half).toMatchObject({ score: 0.5, passed: true });
    expect(half.results.map((r) => r.passed)).toEqual([false, true]);
    expect(half.results[0]!.message).toBe("Not right."); // the verdict, not the answer
    const cells = await gradeCells(prisma, [{ ...a, items: [item] }], [who.student!.id]);
    expect(cells.get(`${who.student!.id}:${item.id}`)).toMatchObject({ status: "passed", score: 0.5, points: 10 });
    const book = await gradebook(prisma, who.teacher, classA.id);
    expect(JSON.stringify(book)).toContain("Question set: 2 questions, pass at 50%");

    // Unanswered questions score 0; a tampered answer is 422; a question outside the set 422.
    const none = await submitQuestionSet(prisma, who.student, { itemId: item.id, submissionId: randomUUID(), answers: {} });
    expect(none).toMatchObject({ score: 0, passed: false });
    expect(await outcome(() => submitQuestionSet(prisma, who.student, { itemId: item.id, submissionId: randomUUID(), answers: { "what-is-lambda": { type: "single", selected: "zzz" } } }))).toBe(422);
    expect(await outcome(() => submitQuestionSet(prisma, who.student, { itemId: item.id, submissionId: randomUUID(), answers: { "handler-definition": { type: "single", selected: "a" } } }))).toBe(422);
    await walk("submitQuestionSet", STUDENT_ONLY, (actor) => submitQuestionSet(prisma, actor, { itemId: item.id, submissionId: randomUUID(), answers: {} }));
  });

  it("refuses a question set with unknown ids or no questions (422, naming the id)", async () => {
    const bad = await createAssignment(prisma, who.teacher, { classId: classA.id, title: "Bad", items: [{ kind: "QUESTION_SET", questionIds: ["what-is-lambda", "no-such-question"], passMark: 70 }] }).catch((e: HttpError) => e);
    expect(bad).toMatchObject({ status: 422, message: expect.stringContaining('"no-such-question"') });
    expect(await outcome(() => createAssignment(prisma, who.teacher, { classId: classA.id, title: "Empty", items: [{ kind: "QUESTION_SET", questionIds: [], passMark: 70 }] }))).toBe(422);
  });

  it("questionBankForTeachers (the picker): teachers only", async () => {
    await walk("questionBankForTeachers", { ...TEACHER_ONLY, otherTeacher: "ok" }, async (actor) => questionBankForTeachers(actor));
    const bank = questionBankForTeachers(who.teacher);
    expect(bank.questions.length).toBeGreaterThan(100);
    expect(bank.modules).toContain("foundations");
  });

  it("checks a custom exercise when it is saved: a failing reference solution is refused per test, a passing starting code warned about", async () => {
    const broken = await createAssignment(prisma, who.teacher, { classId: classA.id, title: "Broken", items: [{ kind: "LESSON", lessonId: "foundations/what-is-lambda" }, { kind: "CUSTOM_EXERCISE", source: custom("export const handler = async (e) => e.n + 2;") }] }).catch((e: HttpError) => e);
    expect(broken).toBeInstanceOf(HttpError);
    expect((broken as HttpError).status).toBe(422);
    expect((broken as HttpError).message).toMatch(/^items\.1: the reference solution fails 2 of 2 tests/);
    expect((broken as HttpError).message).toContain('- test "adds one": expected response 2, got 3');
    expect((broken as HttpError).message).toContain('- test "a hidden case" (hidden): expected response 6, got 7');
    expect(await prisma.assignment.count({ where: { title: "Broken" } })).toBe(0);

    const easy = await createAssignment(prisma, who.teacher, { classId: classA.id, title: "Easy", items: [{ kind: "CUSTOM_EXERCISE", source: custom("export const handler = async (e) => e.n + 1;", "export const handler = async (e) => e.n + 1;") }] });
    expect(easy.warnings).toEqual([expect.stringMatching(/^items\.0: the starting code already passes every test/)]);
    const fine = await createAssignment(prisma, who.teacher, { classId: classA.id, title: "Fine", items: [{ kind: "CUSTOM_EXERCISE", source: GOOD }] });
    expect(fine.warnings).toEqual([]);
  }, 120_000);

  it("edits title, dates, policies and items; a submitted item is locked (its points may change), with a clear 409", async () => {
    const a = await createAssignment(prisma, who.teacher, { classId: classA.id, title: "Draft", items: [{ kind: "CUSTOM_EXERCISE", source: GOOD }, { kind: "LESSON", lessonId: "foundations/what-is-lambda" }] });
    const [exercise, lesson] = a.items;
    const due = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const edited = await updateAssignment(prisma, who.teacher, {
      assignmentId: a.id,
      title: "Week 1",
      instructions: "Read, then code.",
      dueAt: due,
      latePolicy: "CLOSE",
      gradingPolicy: "LAST_BEFORE_DUE",
      items: [
        { id: lesson!.id, kind: "LESSON", lessonId: "foundations/what-is-lambda", points: 5 },
        { id: exercise!.id, kind: "CUSTOM_EXERCISE", source: GOOD, points: 50 },
        { kind: "QUESTION_SET", questionIds: ["what-is-lambda"], passMark: 100 },
      ],
    });
    expect(edited.warnings).toEqual([]);
    const after = await assignmentForEdit(prisma, who.teacher, a.id);
    expect(after).toMatchObject({ title: "Week 1", instructions: "Read, then code.", dueAt: due, latePolicy: "CLOSE", gradingPolicy: "LAST_BEFORE_DUE" });
    expect(after.items.map((i) => [i.kind, i.points, i.locked])).toEqual([
      ["LESSON", 5, false],
      ["CUSTOM_EXERCISE", 50, false],
      ["QUESTION_SET", 100, false],
    ]);

    await submitItem(prisma, who.student, { itemId: exercise!.id, submissionId: randomUUID(), files: { "index.mjs": "export const handler = async (e) => e.n + 1;" } });
    const items = after.items.map(({ title: _t, locked: _l, ...i }) => i);
    // Locked: changing its tests or removing it is refused; its points may change.
    const change = await updateAssignment(prisma, who.teacher, { assignmentId: a.id, title: "Week 1", items: items.map((i) => (i.kind === "CUSTOM_EXERCISE" ? { ...i, source: custom("export const handler = async (e) => 1 + e.n;") } : i)) }).catch((e: HttpError) => e);
    expect(change).toMatchObject({ status: 409, message: expect.stringMatching(/^items\.1: students have already submitted to “Exercise: .*”, so it can no longer be changed/) });
    const remove = await updateAssignment(prisma, who.teacher, { assignmentId: a.id, title: "Week 1", items: items.filter((i) => i.kind !== "CUSTOM_EXERCISE") }).catch((e: HttpError) => e);
    expect(remove).toMatchObject({ status: 409, message: expect.stringContaining("cannot be removed") });
    await updateAssignment(prisma, who.teacher, { assignmentId: a.id, title: "Week 1", items: [...items.filter((i) => i.kind !== "LESSON").map((i) => ({ ...i, points: 80 }))] });
    const final = await assignmentForEdit(prisma, who.teacher, a.id);
    expect(final.items.map((i) => [i.kind, i.points, i.locked])).toEqual([
      ["CUSTOM_EXERCISE", 80, true],
      ["QUESTION_SET", 80, false],
    ]);
    // An item id from another assignment is refused.
    const stranger = await updateAssignment(prisma, who.teacher, { assignmentId: a.id, title: "x", items: [{ id: lesson!.id, kind: "LESSON", lessonId: "foundations/what-is-lambda" }] }).catch((e: HttpError) => e);
    expect(stranger).toMatchObject({ status: 422 });

    await walk("updateAssignment", TEACHER_ONLY, (actor) => updateAssignment(prisma, actor, { assignmentId: a.id, title: "Week 1", items: final.items.map(({ title: _t, locked: _l, ...i }) => i) }));
    await walk("assignmentForEdit", TEACHER_ONLY, (actor) => assignmentForEdit(prisma, actor, a.id));
  }, 120_000);

  it("enrols a new account whose email is on a roster invite at sign-up (POST /api/signup)", async () => {
    await importRoster(prisma, who.teacher, { classId: classA.id, csv: "email\nNew.Student@Example.com\n" });
    // The route's database handle is this test's database.
    const holder = globalThis as typeof globalThis & { __lambdaLabDb?: Promise<Db> };
    const saved = holder.__lambdaLabDb;
    holder.__lambdaLabDb = Promise.resolve(prisma);
    try {
      const { POST } = await import("@/app/api/signup/route");
      const response = await POST(new Request("http://localhost/api/signup", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "New", email: "new.student@example.com", password: "correct horse battery staple" }) }));
      expect(response.status).toBe(201);
    } finally {
      holder.__lambdaLabDb = saved;
    }
    const created = await prisma.user.findUniqueOrThrow({ where: { email: "new.student@example.com" } });
    expect(await prisma.enrollment.count({ where: { userId: created.id, classroomId: classA.id } })).toBe(1);
    expect(await prisma.classInvite.count({ where: { classroomId: classA.id, email: "new.student@example.com" } })).toBe(0);
  });

  it("previewAssignment: the class's teacher sees the student view, without hidden tests or the solution", async () => {
    const a = await createAssignment(prisma, who.teacher, { classId: classA.id, title: "Preview me", items: [{ kind: "CUSTOM_EXERCISE", source: GOOD }, { kind: "QUESTION_SET", questionIds: ["what-is-lambda"], passMark: 100 }] });
    const view = await previewAssignment(prisma, who.teacher, a.id);
    expect(view.items[0]!.exercise).toMatchObject({ visibleTests: [{ id: "adds-one" }], hiddenTests: 1 });
    // The browser may run the visible test itself; the hidden one never leaves the server.
    expect(view.items[0]!.exercise!.browserTests.map((t) => t.id)).toEqual(["adds-one"]);
    expect(JSON.stringify(view)).not.toMatch(/e\.n \+ 1|"correct"|a hidden case/);
    expect(view.items[1]!.questionSet!.questions).toHaveLength(1);
    await walk("previewAssignment", TEACHER_ONLY, (actor) => previewAssignment(prisma, actor, a.id));
  }, 60_000);
});
