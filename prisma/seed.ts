/**
 * Demo data for a fresh install: a teacher, a student and a class the student has joined.
 * Idempotent: every row is found by a natural key (email, join code) and created only if missing,
 * so `npm start` can run it on every start. The course and the question bank are files in
 * content/, not rows: they need no seeding.
 */
import type { PrismaClient } from "./generated/client";
import { hashPassword } from "@/app/_server/password";

export const DEMO = {
  teacher: { email: "teacher@example.com", password: "lambda-lab-teacher", name: "Demo Teacher" },
  student: { email: "student@example.com", password: "lambda-lab-student", name: "Demo Student" },
  classroom: {
    joinCode: "DEMO2026",
    name: "Serverless Foundations (demo)",
    description: "A demo class: the demo student has joined it. Sign in as the demo teacher to see it from the teacher's side.",
  },
} as const;

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
  return { created };
}
