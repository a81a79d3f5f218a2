/** Classes, join codes and rosters. Each function checks `actor` itself (see access.ts). */
import { z } from "zod";
import { normaliseEmail } from "../accounts";
import type { Db } from "../db/client";
import { HttpError } from "../http";
import { needTeacher, needUser, ownedClass, type Actor } from "./access";
import { generateJoinCode, normaliseJoinCode } from "./codes";
import { emailsFromCsv } from "./csv";

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new HttpError(422, parsed.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; "));
  return parsed.data;
}
export { parse as parseInput };

const id = z.string().min(1).max(64);

/** A unique join code: a few tries, since a collision among 31^8 codes is vanishingly rare. */
async function freshCode(prisma: Db): Promise<string> {
  for (let i = 0; i < 5; i++) {
    const code = generateJoinCode();
    if (!(await prisma.classroom.findUnique({ where: { joinCode: code }, select: { id: true } }))) return code;
  }
  throw new Error("could not find an unused join code");
}

const createInput = z.object({ name: z.string().trim().min(1, "a name is required").max(120), description: z.string().trim().max(2000).optional() });

export async function createClass(prisma: Db, actor: Actor | null, input: unknown) {
  const teacher = needTeacher(actor);
  const { name, description } = parse(createInput, input);
  return prisma.classroom.create({ data: { name, description: description || null, teacherId: teacher.id, joinCode: await freshCode(prisma) } });
}

const codeInput = z.object({ classId: id, action: z.enum(["regenerate", "disable", "enable"]) });

export async function changeJoinCode(prisma: Db, actor: Actor | null, input: unknown) {
  const { classId, action } = parse(codeInput, input);
  await ownedClass(prisma, actor, classId);
  const data = action === "regenerate" ? { joinCode: await freshCode(prisma), joinCodeEnabled: true } : { joinCodeEnabled: action === "enable" };
  return prisma.classroom.update({ where: { id: classId }, data });
}

const archiveInput = z.object({ classId: id, archived: z.boolean() });

export async function archiveClass(prisma: Db, actor: Actor | null, input: unknown) {
  const { classId, archived } = parse(archiveInput, input);
  await ownedClass(prisma, actor, classId);
  return prisma.classroom.update({ where: { id: classId }, data: { archivedAt: archived ? new Date() : null } });
}

const removeInput = z.object({ classId: id, userId: id });

export async function removeStudent(prisma: Db, actor: Actor | null, input: unknown) {
  const { classId, userId } = parse(removeInput, input);
  await ownedClass(prisma, actor, classId);
  const { count } = await prisma.enrollment.deleteMany({ where: { classroomId: classId, userId } });
  if (count === 0) throw new HttpError(404, "That student is not in this class.");
  return { removed: count };
}

const removeInviteInput = z.object({ classId: id, email: z.string().max(254) });

export async function removeInvite(prisma: Db, actor: Actor | null, input: unknown) {
  const { classId, email } = parse(removeInviteInput, input);
  await ownedClass(prisma, actor, classId);
  await prisma.classInvite.deleteMany({ where: { classroomId: classId, email: normaliseEmail(email) } });
  return { removed: true };
}

export const MAX_ROSTER_BYTES = 256 * 1024;
const importInput = z.object({ classId: id, csv: z.string().max(MAX_ROSTER_BYTES, "the CSV is larger than 256 KB") });

/** Enrols the accounts a CSV names; emails without an account become invites, used when they join. */
export async function importRoster(prisma: Db, actor: Actor | null, input: unknown) {
  const { classId, csv } = parse(importInput, input);
  await ownedClass(prisma, actor, classId);
  const { emails, rejected } = emailsFromCsv(csv);
  if (emails.length > 1000) throw new HttpError(422, "A roster import takes at most 1000 emails at a time.");
  const users = await prisma.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } });
  const known = new Set(users.map((u) => u.email));
  const enrolled = await prisma.enrollment.createMany({ data: users.map((u) => ({ classroomId: classId, userId: u.id })), skipDuplicates: true });
  const invites = emails.filter((e) => !known.has(e));
  const invited = await prisma.classInvite.createMany({ data: invites.map((email) => ({ classroomId: classId, email })), skipDuplicates: true });
  return { enrolled: enrolled.count, invited: invited.count, alreadyThere: emails.length - enrolled.count - invited.count, rejected };
}

const joinInput = z.object({ code: z.string().max(32) });

/** Joins the class whose (enabled) code this is; consumes an invite for the user's email. */
export async function joinClass(prisma: Db, actor: Actor | null, input: unknown) {
  const user = needUser(actor);
  const code = normaliseJoinCode(parse(joinInput, input).code);
  const classroom = code ? await prisma.classroom.findUnique({ where: { joinCode: code } }) : null;
  // One message for unknown, disabled and archived codes: a code is not a way to probe classes.
  if (!classroom || !classroom.joinCodeEnabled || classroom.archivedAt) {
    throw new HttpError(404, "That join code does not work. Check it with your teacher.");
  }
  if (classroom.teacherId === user.id) throw new HttpError(409, "You teach this class; you cannot join it as a student.");
  await prisma.enrollment.upsert({
    where: { classroomId_userId: { classroomId: classroom.id, userId: user.id } },
    update: {},
    create: { classroomId: classroom.id, userId: user.id },
  });
  await prisma.classInvite.deleteMany({ where: { classroomId: classroom.id, email: normaliseEmail(user.email) } });
  return { classId: classroom.id, name: classroom.name };
}

/** Enrols the user in the (active) classes that invited their email before they had an account. */
export async function acceptInvites(prisma: Db, actor: Actor | null) {
  const user = needUser(actor);
  const invites = await prisma.classInvite.findMany({ where: { email: normaliseEmail(user.email), classroom: { archivedAt: null } } });
  if (invites.length === 0) return { joined: 0 };
  await prisma.enrollment.createMany({ data: invites.map((i) => ({ classroomId: i.classroomId, userId: user.id })), skipDuplicates: true });
  await prisma.classInvite.deleteMany({ where: { id: { in: invites.map((i) => i.id) } } });
  return { joined: invites.length };
}

/** The teacher's own classes, newest first. */
export async function listTeaching(prisma: Db, actor: Actor | null) {
  const teacher = needTeacher(actor);
  return prisma.classroom.findMany({
    where: { teacherId: teacher.id },
    include: { _count: { select: { enrollments: true, assignments: true } } },
    orderBy: [{ archivedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
}

/** A class with its roster, pending invites and assignments, for its teacher. */
export async function classForTeacher(prisma: Db, actor: Actor | null, classId: string) {
  await ownedClass(prisma, actor, classId);
  return prisma.classroom.findUniqueOrThrow({
    where: { id: classId },
    include: {
      enrollments: { include: { user: { select: { id: true, email: true, name: true } } }, orderBy: { joinedAt: "asc" } },
      invites: { orderBy: { createdAt: "asc" } },
      assignments: { include: { items: { orderBy: { position: "asc" } }, extensions: { include: { user: { select: { email: true, name: true } } } } }, orderBy: { createdAt: "asc" } },
    },
  });
}
