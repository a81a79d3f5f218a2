/**
 * Demo data for a fresh install: a teacher, a student and a class the student has joined, with a
 * demo assignment (a lesson, a course exercise, a question set and a small custom exercise with a
 * hidden test) and one graded submission of the student, so the demo teacher sees a populated
 * gradebook. Idempotent: every row is found by a natural key (email, join code, the assignment's
 * title in the demo class, a fixed submission id) and created only if missing, so `npm start` can
 * run it on every start. The course and the question bank are files in content/, not rows.
 */
import type { Prisma, PrismaClient } from "./generated/client";
import { gradeAnswer } from "@/app/_lib/questions/grade";
import { parseCustomExercise } from "@/app/_server/classes/items";
import { findQuestion } from "@/app/_server/content/questions";
import { hashPassword } from "@/app/_server/password";

export const DEMO = {
  teacher: { email: "teacher@example.com", password: "lambda-lab-teacher", name: "Demo Teacher" },
  student: { email: "student@example.com", password: "lambda-lab-student", name: "Demo Student" },
  classroom: {
    joinCode: "DEMO2026",
    name: "Serverless Foundations (demo)",
    description: "A demo class: the demo student has joined it. Sign in as the demo teacher to see it from the teacher's side.",
  },
  assignment: {
    title: "Week 1: Lambda basics (demo)",
    instructions: "Read the first lesson, pass the exercise, answer the two questions (pass mark 50%) and write the small function at the end.\n\nThe last exercise has a **hidden test**: you see only whether it passed.",
    lessonId: "foundations/what-is-lambda",
    exerciseId: "first-response",
    questionIds: ["what-is-lambda", "serverless-idle-cost"],
    passMark: 50,
    /** The student's answers in the demo submission: the first right, the second wrong (50%: passed). */
    answers: { "what-is-lambda": { type: "single", selected: "a" }, "serverless-idle-cost": { type: "true-false", value: false } },
    submissionId: "demo-question-set-submission",
  },
} as const;

/** The demo's custom exercise: one visible and one hidden test. */
export const DEMO_CUSTOM_EXERCISE = `id: demo-shout
title: Shout the name
instructions: |
  Return \`{ message: "HELLO, <NAME>!" }\` for \`event.name\`, in upper case.
function: { handler: index.handler, timeoutSeconds: 1 }
stub:
  index.mjs: |
    export const handler = async (event) => {
      // your code
    };
solution:
  index.mjs: |
    export const handler = async (event) => ({ message: \`HELLO, \${event.name.toUpperCase()}!\` });
tests:
  - id: shouts-ada
    name: shouts Ada's name
    points: 1
    event: { name: Ada }
    expect: { response: { message: "HELLO, ADA!" } }
  - id: shouts-grace
    name: shouts another name
    points: 2
    hidden: true
    event: { name: Grace }
    expect: { response: { message: "HELLO, GRACE!" } }
`;

export interface SeedResult {
  created: string[];
}

export async function seed(prisma: PrismaClient): Promise<SeedResult> {
  const created: string[] = [];
  const ensureUser = async (who: typeof DEMO.teacher | typeof DEMO.student, role: "TEACHER" | "LEARNER") => {
    const existing = await prisma.user.findUnique({ where: { email: who.email } });
    if (existing) return existing;
    created.push(`user ${who.email}`);
    return prisma.user.upsert({
      where: { email: who.email },
      update: {},
      create: { email: who.email, name: who.name, role, passwordHash: await hashPassword(who.password) },
    });
  };
  const teacher = await ensureUser(DEMO.teacher, "TEACHER");
  const student = await ensureUser(DEMO.student, "LEARNER");

  let classroom = await prisma.classroom.findUnique({ where: { joinCode: DEMO.classroom.joinCode } });
  if (!classroom) {
    classroom = await prisma.classroom.upsert({
      where: { joinCode: DEMO.classroom.joinCode },
      update: {},
      create: { ...DEMO.classroom, teacherId: teacher.id },
    });
    created.push(`class ${DEMO.classroom.joinCode}`);
  }
  const enrolment = { classroomId: classroom.id, userId: student.id };
  if (!(await prisma.enrollment.findUnique({ where: { classroomId_userId: enrolment } }))) {
    await prisma.enrollment.upsert({ where: { classroomId_userId: enrolment }, update: {}, create: enrolment });
    created.push(`enrolment of ${DEMO.student.email}`);
  }

  const a = DEMO.assignment;
  let assignment = await prisma.assignment.findFirst({ where: { classroomId: classroom.id, title: a.title }, include: { items: true } });
  if (!assignment) {
    assignment = await prisma.assignment.create({
      data: {
        classroomId: classroom.id,
        title: a.title,
        instructions: a.instructions,
        dueAt: new Date(Date.now() + 14 * 86_400_000),
        latePolicy: "ACCEPT_WITH_PENALTY",
        latePenaltyPercent: 10,
        items: {
          create: [
            { position: 0, kind: "LESSON", contentId: a.lessonId, points: 10, config: {} },
            { position: 1, kind: "EXERCISE", contentId: a.exerciseId, points: 40, config: {} },
            { position: 2, kind: "QUESTION_SET", contentId: null, points: 20, config: { questionIds: [...a.questionIds], passMark: a.passMark } },
            { position: 3, kind: "CUSTOM_EXERCISE", contentId: null, points: 30, config: { spec: parseCustomExercise(DEMO_CUSTOM_EXERCISE), source: DEMO_CUSTOM_EXERCISE } as Prisma.InputJsonObject },
          ],
        },
      },
      include: { items: true },
    });
    created.push(`assignment "${a.title}"`);
  }
  const questionSet = assignment.items.find((i) => i.kind === "QUESTION_SET");
  if (questionSet && !(await prisma.exerciseSubmission.findUnique({ where: { id: a.submissionId } }))) {
    // Graded here by the question bank's grader, as the server grades a question set.
    const results = a.questionIds.map((id, index) => {
      const graded = gradeAnswer(findQuestion(id)!, a.answers[id]);
      return { caseId: id, name: `Question ${index + 1}`, passed: graded.correct, hidden: false, points: graded.score, maxPoints: 1, message: graded.correct ? "" : "Not right." };
    });
    const score = results.reduce((n, r) => n + r.points, 0) / results.length;
    const at = new Date();
    await prisma.exerciseSubmission.create({
      data: {
        id: a.submissionId,
        userId: student.id,
        assignmentItemId: questionSet.id,
        exerciseId: questionSet.id,
        code: JSON.stringify(a.answers),
        results,
        passed: results.filter((r) => r.passed).length,
        total: results.length,
        score,
        verifiedBy: "SERVER",
        status: "GRADED",
        attempts: 1,
        submittedAt: at,
        gradedAt: at,
      },
    });
    created.push(`graded submission of ${DEMO.student.email}`);
  }
  return { created };
}
