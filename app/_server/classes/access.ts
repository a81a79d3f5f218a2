/**
 * Who may do what in classrooms. Every function in this folder takes the acting user explicitly
 * (null when signed out) and checks it here, so the server actions and route handlers that call
 * them stay thin and the integration test can walk every role without HTTP.
 */
import type { Role } from "@/prisma/generated/enums";
import type { Db } from "../db/client";
import { HttpError } from "../http";

export interface Actor {
  id: string;
  email: string;
  role: Role;
}

export function needUser(actor: Actor | null): Actor {
  if (!actor) throw new HttpError(401, "Sign in first.");
  return actor;
}

export function needTeacher(actor: Actor | null): Actor {
  const user = needUser(actor);
  if (user.role !== "TEACHER" && user.role !== "ADMIN") throw new HttpError(403, "Only teachers can do this.");
  return user;
}

/** The class if `actor` teaches it; 404 when there is no such class, 403 when it is someone else's. */
export async function ownedClass(prisma: Db, actor: Actor | null, classId: string) {
  const teacher = needTeacher(actor);
  const classroom = await prisma.classroom.findUnique({ where: { id: classId } });
  if (!classroom) throw new HttpError(404, "There is no such class.");
  if (classroom.teacherId !== teacher.id) throw new HttpError(403, "This is not one of your classes.");
  return classroom;
}

/** The class if `actor` has joined it (archived classes stay readable); 403 otherwise. */
export async function joinedClass(prisma: Db, actor: Actor | null, classId: string) {
  const user = needUser(actor);
  const enrollment = await prisma.enrollment.findUnique({
    where: { classroomId_userId: { classroomId: classId, userId: user.id } },
    include: { classroom: true },
  });
  if (!enrollment) throw new HttpError(403, "You have not joined this class.");
  return enrollment.classroom;
}

/** The assignment if `actor` teaches its class. */
export async function ownedAssignment(prisma: Db, actor: Actor | null, assignmentId: string) {
  needTeacher(actor);
  const assignment = await prisma.assignment.findUnique({ where: { id: assignmentId }, include: { items: { orderBy: { position: "asc" } } } });
  if (!assignment) throw new HttpError(404, "There is no such assignment.");
  await ownedClass(prisma, actor, assignment.classroomId);
  return assignment;
}
