import { describe, expect, it } from "vitest";
import { gradeExercise } from "@/sandbox/grading";
import { verifyCredentials } from "@/app/_server/accounts";
import { gradebook } from "@/app/_server/classes/gradebook";
import { parseCustomExercise } from "@/app/_server/classes/items";
import { DEMO, DEMO_CUSTOM_EXERCISE, seed } from "@/prisma/seed";
import { databaseKinds, useMigratedDb } from "../helpers/databases";

describe.each(databaseKinds)("demo seed on $name", (kind) => {
  const db = useMigratedDb(kind);

  it("creates a teacher, a student and a class the student joined", async () => {
    const { created } = await seed(db().prisma);
    expect(created).toHaveLength(6);
    const classroom = await db().prisma.classroom.findUniqueOrThrow({
      where: { joinCode: DEMO.classroom.joinCode },
      include: { teacher: true, enrollments: { include: { user: true } } },
    });
    expect(classroom.teacher).toMatchObject({ email: DEMO.teacher.email, role: "TEACHER" });
    expect(classroom.enrollments.map((e) => e.user.email)).toEqual([DEMO.student.email]);
    const signIn = await verifyCredentials(db().prisma, { email: DEMO.student.email, password: DEMO.student.password, ip: null });
    expect(signIn.ok).toBe(true);
  });

  it("gives the demo class an assignment (lesson, course exercise, question set, custom exercise with a hidden test) and the teacher a populated gradebook", async () => {
    const teacher = await db().prisma.user.findUniqueOrThrow({ where: { email: DEMO.teacher.email } });
    const classroom = await db().prisma.classroom.findUniqueOrThrow({ where: { joinCode: DEMO.classroom.joinCode } });
    const book = await gradebook(db().prisma, teacher, classroom.id);
    expect(book.columns.map((c) => c.kind)).toEqual(["LESSON", "EXERCISE", "QUESTION_SET", "CUSTOM_EXERCISE"]);
    expect(book.rows).toHaveLength(1);
    // The graded question set: one of two right, pass mark 50% → passed, 10 of 20 points.
    expect(book.rows[0]!.cells[2]).toMatchObject({ status: "passed", score: 0.5, points: 10, attempts: 1 });
    expect(book.summary.mostFailed.map((f) => f.caseId)).toEqual(["serverless-idle-cost"]);
  });

  it("seeds a custom exercise whose solution passes every test (hidden one included) and whose starting code does not", async () => {
    const spec = parseCustomExercise(DEMO_CUSTOM_EXERCISE);
    expect(spec.tests.filter((t) => t.hidden)).toHaveLength(1);
    expect((await gradeExercise(spec, spec.solution)).allPassed).toBe(true);
    expect((await gradeExercise(spec, spec.stub)).allPassed).toBe(false);
  });

  it("creates nothing twice when run again", async () => {
    const counts = async () => [
      await db().prisma.user.count(),
      await db().prisma.classroom.count(),
      await db().prisma.enrollment.count(),
      await db().prisma.assignment.count(),
      await db().prisma.assignmentItem.count(),
      await db().prisma.exerciseSubmission.count(),
    ];
    const before = await counts();
    expect((await seed(db().prisma)).created).toEqual([]);
    expect(await counts()).toEqual(before);
  });
});
