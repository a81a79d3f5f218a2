/**
 * Every server function behind the classroom routes and actions, called with each role: anonymous,
 * a learner, a student of the class, a student of another class, the class's teacher and another
 * teacher. The actions (app/classes/actions.ts) and route handlers (app/api/classes/**) only add
 * the session's user to these calls.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/app/_server/classes/access";
import { createAssignment, deleteAssignment, setExtension, studentAssignment, studentClasses, submissionView, submitItem } from "@/app/_server/classes/assignments";
import { acceptInvites, archiveClass, changeJoinCode, classForTeacher, createClass, importRoster, joinClass, listTeaching, removeInvite, removeStudent } from "@/app/_server/classes/classes";
import { gradebook, gradebookCsv, studentDetail } from "@/app/_server/classes/gradebook";
import { HttpError } from "@/app/_server/http";
import type { Db } from "@/app/_server/db/client";
import { databaseKinds, migratedDb, type MigratedDb } from "../helpers/databases";

const ROLES = ["anonymous", "learner", "student", "otherStudent", "teacher", "otherTeacher"] as const;
type RoleName = (typeof ROLES)[number];
/** "ok", or the HttpError status expected. */
type Expected = Record<RoleName, "ok" | number>;

const TEACHER_ONLY: Expected = { anonymous: 401, learner: 403, student: 403, otherStudent: 403, teacher: "ok", otherTeacher: 403 };
const CUSTOM = `
id: add-one
instructions: Return event.n + 1.
stub: { index.mjs: "export const handler = async (e) => 0;" }
solution: { index.mjs: "export const handler = async (e) => e.n + 1;" }
tests:
  - { id: adds-one, name: adds one, event: { n: 1 }, expect: { response: 2 } }
  - { id: secret, name: a hidden case, hidden: true, event: { n: 5 }, expect: { response: 6 } }
`;

async function outcome(call: () => Promise<unknown>): Promise<"ok" | number> {
  try {
    await call();
    return "ok";
  } catch (error) {
    if (error instanceof HttpError) return error.status;
    throw error;
  }
}

describe.each(databaseKinds)("classroom authorization on $name", (kind) => {
  let db: MigratedDb;
  let prisma: Db;
  const who = {} as Record<RoleName, Actor | null>;
  let classA: { id: string; joinCode: string };
  let classB: { id: string; joinCode: string };
  let assignmentId: string;
  let itemId: string;
  let submissionId: string;

  const user = async (email: string, role: "LEARNER" | "TEACHER" = "LEARNER"): Promise<Actor> => {
    const u = await prisma.user.create({ data: { email, role } });
    return { id: u.id, email: u.email, role: u.role };
  };

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
    classB = await createClass(prisma, who.otherTeacher, { name: "Class B" });
    await joinClass(prisma, who.student, { code: classA.joinCode });
    await joinClass(prisma, who.otherStudent, { code: classB.joinCode });
    const assignment = await createAssignment(prisma, who.teacher, { classId: classA.id, title: "A1", instructions: "Do it.", items: [{ kind: "CUSTOM_EXERCISE", source: CUSTOM }] });
    assignmentId = assignment.id;
    itemId = assignment.items[0]!.id;
    submissionId = (await submitItem(prisma, who.student, { itemId, submissionId: randomUUID(), files: { "index.mjs": "export const handler = async (e) => e.n + 1;" } })).id;
  });
  afterAll(async () => {
    await db?.close();
    await db?.drop();
  });

  async function walk(name: string, expected: Expected, call: (actor: Actor | null, role: RoleName) => Promise<unknown>) {
    const got = {} as Record<RoleName, "ok" | number>;
    for (const role of ROLES) got[role] = await outcome(() => call(who[role], role));
    expect(got, name).toEqual(expected);
  }

  it("createClass: teachers only", async () => {
    await walk("createClass", { ...TEACHER_ONLY, otherTeacher: "ok" }, (a) => createClass(prisma, a, { name: "New" }));
  });

  it("listTeaching: teachers only, each sees only their own classes", async () => {
    await walk("listTeaching", { ...TEACHER_ONLY, otherTeacher: "ok" }, (a) => listTeaching(prisma, a));
    const mine = await listTeaching(prisma, who.otherTeacher);
    expect(mine.every((c) => c.teacherId === who.otherTeacher!.id)).toBe(true);
    expect(mine.map((c) => c.id)).not.toContain(classA.id);
  });

  it("changeJoinCode, archiveClass, importRoster, removeInvite: the class's teacher only", async () => {
    await walk("changeJoinCode", TEACHER_ONLY, (a) => changeJoinCode(prisma, a, { classId: classA.id, action: "enable" }));
    await walk("archiveClass", TEACHER_ONLY, (a) => archiveClass(prisma, a, { classId: classA.id, archived: false }));
    await walk("importRoster", TEACHER_ONLY, (a) => importRoster(prisma, a, { classId: classA.id, csv: "email\nnew-person@example.com\n" }));
    await walk("removeInvite", TEACHER_ONLY, (a) => removeInvite(prisma, a, { classId: classA.id, email: "new-person@example.com" }));
  });

  it("removeStudent: the class's teacher only", async () => {
    const victim = await user("victim@example.com");
    await joinClass(prisma, victim, { code: classA.joinCode });
    await walk("removeStudent", TEACHER_ONLY, (a) => removeStudent(prisma, a, { classId: classA.id, userId: victim.id }));
    expect(await prisma.enrollment.count({ where: { userId: victim.id } })).toBe(0);
  });

  it("classForTeacher, gradebook, studentDetail, gradebookCsv (the CSV route): the class's teacher only", async () => {
    await walk("classForTeacher", TEACHER_ONLY, (a) => classForTeacher(prisma, a, classA.id));
    await walk("gradebook", TEACHER_ONLY, (a) => gradebook(prisma, a, classA.id));
    await walk("studentDetail", TEACHER_ONLY, (a) => studentDetail(prisma, a, classA.id, who.student!.id));
    await walk("gradebookCsv", TEACHER_ONLY, (a) => gradebookCsv(prisma, a, classA.id));
    // A teacher cannot read another class's student through their own class either.
    expect(await outcome(() => studentDetail(prisma, who.otherTeacher, classB.id, who.student!.id))).toBe(404);
  });

  it("createAssignment, deleteAssignment and setExtension: the class's teacher only (nobody edits another teacher's assignment)", async () => {
    await walk("createAssignment", TEACHER_ONLY, (a) => createAssignment(prisma, a, { classId: classA.id, title: "More", items: [{ kind: "LESSON", lessonId: "foundations/what-is-lambda" }] }));
    const doomed = await Promise.all(ROLES.map(() => createAssignment(prisma, who.teacher, { classId: classA.id, title: "Doomed", items: [{ kind: "LESSON", lessonId: "foundations/what-is-lambda" }] })));
    await walk("deleteAssignment", TEACHER_ONLY, (a, role) => deleteAssignment(prisma, a, { assignmentId: doomed[ROLES.indexOf(role)]!.id }));
    expect(await prisma.assignment.count({ where: { title: "Doomed" } })).toBe(ROLES.length - 1);
    await walk("setExtension", TEACHER_ONLY, (a) => setExtension(prisma, a, { assignmentId, userId: who.student!.id, dueAt: new Date(Date.now() + 86_400_000).toISOString() }));
  });

  it("joinClass: any signed-in user with an enabled code; never with a disabled one", async () => {
    const c = await createClass(prisma, who.teacher, { name: "Joinable" });
    await walk("joinClass", { anonymous: 401, learner: "ok", student: "ok", otherStudent: "ok", teacher: 409, otherTeacher: "ok" }, (a) => joinClass(prisma, a, { code: c.joinCode.toLowerCase() }));
    const d = await createClass(prisma, who.teacher, { name: "Closed doors" });
    await changeJoinCode(prisma, who.teacher, { classId: d.id, action: "disable" });
    await walk("joinClass (disabled)", { anonymous: 401, learner: 404, student: 404, otherStudent: 404, teacher: 404, otherTeacher: 404 }, (a) => joinClass(prisma, a, { code: d.joinCode }));
    const regenerated = await changeJoinCode(prisma, who.teacher, { classId: c.id, action: "regenerate" });
    expect(regenerated.joinCode).not.toBe(c.joinCode);
    expect(await outcome(() => joinClass(prisma, who.learner, { code: c.joinCode }))).toBe(404);
  });

  it("acceptInvites and studentClasses: any signed-in user, each sees only classes they joined", async () => {
    const anyone: Expected = { anonymous: 401, learner: "ok", student: "ok", otherStudent: "ok", teacher: "ok", otherTeacher: "ok" };
    await walk("acceptInvites", anyone, (a) => acceptInvites(prisma, a));
    await walk("studentClasses", anyone, (a) => studentClasses(prisma, a));
    expect((await studentClasses(prisma, who.otherStudent)).map((c) => c.id)).not.toContain(classA.id);
    expect((await studentClasses(prisma, who.student)).map((c) => c.id)).toContain(classA.id);
  });

  it("studentAssignment: students of the class only, without hidden tests or the solution", async () => {
    await walk("studentAssignment", { anonymous: 401, learner: 403, student: "ok", otherStudent: 403, teacher: 403, otherTeacher: 403 }, (a) => studentAssignment(prisma, a, assignmentId));
    const view = JSON.stringify(await studentAssignment(prisma, who.student, assignmentId));
    expect(view).not.toContain("a hidden case");
    expect(view).not.toContain("e.n + 1;\" }"); // the solution's text is not sent
    expect(view).not.toContain('"solution"');
  });

  it("submitItem: students of the class only", async () => {
    await walk("submitItem", { anonymous: 401, learner: 403, student: "ok", otherStudent: 403, teacher: 403, otherTeacher: 403 }, (a) =>
      submitItem(prisma, a, { itemId, submissionId: randomUUID(), files: { "index.mjs": "export const handler = async () => 1;" } }),
    );
  });

  it("submissionView (the polling route): its author and the class's teacher only; hidden tests redacted for the author", async () => {
    await prisma.exerciseSubmission.update({
      where: { id: submissionId },
      data: { status: "GRADED", passed: 1, total: 2, score: 0.5, results: [{ caseId: "adds-one", name: "adds one", passed: true, hidden: false, points: 1, maxPoints: 1, message: "" }, { caseId: "secret", name: "a hidden case", passed: false, hidden: true, points: 0, maxPoints: 1, message: "expected 6" }] },
    });
    await walk("submissionView", { anonymous: 401, learner: 403, student: "ok", otherStudent: 403, teacher: "ok", otherTeacher: 403 }, (a) => submissionView(prisma, a, submissionId));
    const own = await submissionView(prisma, who.student, submissionId);
    expect(own.hidden).toEqual({ passed: 0, failed: 1 });
    expect(JSON.stringify(own)).not.toContain("a hidden case");
    expect(JSON.stringify(own)).not.toContain("expected 6");
    expect(JSON.stringify(await submissionView(prisma, who.teacher, submissionId))).toContain("a hidden case");
  });

  it("refuses oversized code clearly (413) and a flood of waiting submissions (429)", async () => {
    const flooder = await user("flooder@example.com");
    await joinClass(prisma, flooder, { code: classA.joinCode });
    const big = { "index.mjs": "x".repeat(300 * 1024) };
    expect(await outcome(() => submitItem(prisma, flooder, { itemId, submissionId: randomUUID(), files: big }))).toBe(413);
    const small = { "index.mjs": "export const handler = async () => 1;" };
    for (let i = 0; i < 5; i++) expect(await outcome(() => submitItem(prisma, flooder, { itemId, submissionId: randomUUID(), files: small }))).toBe("ok");
    expect(await outcome(() => submitItem(prisma, flooder, { itemId, submissionId: randomUUID(), files: small }))).toBe(429);
    // The same submission id sent again (a retried request) is recorded once, not refused.
    const id = randomUUID();
    await prisma.exerciseSubmission.updateMany({ where: { userId: flooder.id }, data: { status: "GRADED" } });
    const first = await submitItem(prisma, flooder, { itemId, submissionId: id, files: small });
    expect(await submitItem(prisma, flooder, { itemId, submissionId: id, files: small })).toEqual(first);
    expect(await prisma.exerciseSubmission.count({ where: { id } })).toBe(1);
  });

  it("refuses a submission after a closed due date (and before opening, and in an archived class), to the minute", async () => {
    const past = new Date(Date.now() - 600_000).toISOString();
    const closed = await createAssignment(prisma, who.teacher, { classId: classA.id, title: "Closed", dueAt: past, latePolicy: "CLOSE", items: [{ kind: "CUSTOM_EXERCISE", source: CUSTOM }] });
    const submit = (item: string) => submitItem(prisma, who.student, { itemId: item, submissionId: randomUUID(), files: { "index.mjs": "export const handler = async () => 1;" } });
    expect(await outcome(() => submit(closed.items[0]!.id))).toBe(409);
    // An extension reopens it for that student only.
    await setExtension(prisma, who.teacher, { assignmentId: closed.id, userId: who.student!.id, dueAt: new Date(Date.now() + 600_000).toISOString() });
    expect(await outcome(() => submit(closed.items[0]!.id))).toBe("ok");

    const later = await createAssignment(prisma, who.teacher, { classId: classA.id, title: "Later", opensAt: new Date(Date.now() + 600_000).toISOString(), items: [{ kind: "CUSTOM_EXERCISE", source: CUSTOM }] });
    expect(await outcome(() => submit(later.items[0]!.id))).toBe(409);
    expect(await outcome(() => studentAssignment(prisma, who.student, later.id))).toBe(403);

    const open = await createAssignment(prisma, who.teacher, { classId: classA.id, title: "Open", items: [{ kind: "CUSTOM_EXERCISE", source: CUSTOM }] });
    await archiveClass(prisma, who.teacher, { classId: classA.id, archived: true });
    expect(await outcome(() => submit(open.items[0]!.id))).toBe(409);
    await archiveClass(prisma, who.teacher, { classId: classA.id, archived: false });
  });
});
