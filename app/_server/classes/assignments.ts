/** Assignments, extensions, students' submissions and the grades computed from them. */
import { z } from "zod";
import type { Prisma, SubmissionStatus } from "@/prisma/generated/client";
import { sourceFilesSchema } from "@/sandbox/grading/spec";
import { course } from "../content/course";
import { exercises } from "../content/exercises";
import type { Db } from "../db/client";
import { HttpError } from "../http";
import { joinedClass, needUser, ownedAssignment, ownedClass, type Actor } from "./access";
import { checkCustomExercise } from "./check";
import { parseInput } from "./classes";
import { effectiveDue, isLate, itemGrade, penalised } from "./grades";
import { itemSpec, parseCustomExercise, publicExercise } from "./items";
import { publicQuestionSet, questionSetConfig, questionSetOf } from "./question-sets";

const id = z.string().min(1).max(64);
const isoDate = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

/** An item as a teacher sends it; `id` names an existing item when an assignment is edited. */
export const itemInput = z.discriminatedUnion("kind", [
  z.object({ id: id.optional(), kind: z.literal("LESSON"), lessonId: z.string().max(200), points: z.number().int().min(0).max(1000).default(10) }),
  z.object({ id: id.optional(), kind: z.literal("EXERCISE"), exerciseId: z.string().max(200), points: z.number().int().min(0).max(1000).default(100) }),
  z.object({ id: id.optional(), kind: z.literal("CUSTOM_EXERCISE"), source: z.string(), points: z.number().int().min(0).max(1000).default(100) }),
  z.object({ id: id.optional(), kind: z.literal("QUESTION_SET"), questionIds: z.array(z.string().max(200)).max(200), passMark: z.number().int().min(0).max(100).default(70), points: z.number().int().min(0).max(1000).default(100) }),
]);

export const assignmentFields = {
  title: z.string().trim().min(1, "a title is required").max(200),
  instructions: z.string().max(20_000).default(""),
  opensAt: isoDate.nullable().default(null),
  dueAt: isoDate.nullable().default(null),
  latePolicy: z.enum(["ACCEPT_WITH_PENALTY", "CLOSE"]).default("ACCEPT_WITH_PENALTY"),
  latePenaltyPercent: z.number().int().min(0).max(100).default(0),
  gradingPolicy: z.enum(["BEST", "LAST_BEFORE_DUE"]).default("BEST"),
  items: z.array(itemInput).min(1, "add at least one item").max(20),
};
export const datesInOrder = (a: { opensAt: Date | null; dueAt: Date | null }) => !a.opensAt || !a.dueAt || a.opensAt < a.dueAt;
export const DATES_OUT_OF_ORDER = { message: "the due date must be after the opening date", path: ["dueAt"] };

const assignmentInput = z.object({ classId: id, ...assignmentFields }).refine(datesInOrder, DATES_OUT_OF_ORDER);

export async function createAssignment(prisma: Db, actor: Actor | null, input: unknown) {
  const data = parseInput(assignmentInput, input);
  const classroom = await ownedClass(prisma, actor, data.classId);
  if (classroom.archivedAt) throw new HttpError(409, "This class is archived.");
  const items = buildItems(data.items);
  const warnings = await checkCustomItems(items);
  const { classId, items: _items, ...fields } = data;
  const created = await prisma.assignment.create({ data: { ...fields, classroomId: classId, items: { create: items } }, include: { items: true } });
  return { ...created, warnings };
}

/** Validates items and turns them into rows (422 naming the item, e.g. "items.2: …"). */
export function buildItems(input: Array<z.infer<typeof itemInput>>): Prisma.AssignmentItemCreateWithoutAssignmentInput[] {
  const lessons = new Set(course().lessons.map((l) => l.id));
  return input.map((item, position): Prisma.AssignmentItemCreateWithoutAssignmentInput => {
    if (item.kind === "LESSON") {
      if (!lessons.has(item.lessonId)) throw new HttpError(422, `items.${position}: there is no lesson "${item.lessonId}".`);
      return { position, kind: item.kind, contentId: item.lessonId, points: item.points, config: {} };
    }
    if (item.kind === "EXERCISE") {
      if (!exercises().has(item.exerciseId)) throw new HttpError(422, `items.${position}: there is no exercise "${item.exerciseId}".`);
      return { position, kind: item.kind, contentId: item.exerciseId, points: item.points, config: {} };
    }
    if (item.kind === "QUESTION_SET") {
      const config = questionSetConfig(item.questionIds, item.passMark, `items.${position}`);
      return { position, kind: item.kind, contentId: null, points: item.points, config };
    }
    let spec;
    try {
      spec = parseCustomExercise(item.source);
    } catch (error) {
      if (error instanceof HttpError) throw new HttpError(error.status, `items.${position}: ${error.message}`);
      throw error;
    }
    return { position, kind: item.kind, contentId: null, points: item.points, config: { spec, source: item.source } as Prisma.InputJsonObject };
  });
}

/** Runs each custom exercise's solution and starting code on the grader (one after another: it is shared). */
export async function checkCustomItems(items: Prisma.AssignmentItemCreateWithoutAssignmentInput[]): Promise<string[]> {
  const warnings: string[] = [];
  for (const item of items) {
    if (item.kind !== "CUSTOM_EXERCISE") continue;
    const spec = itemSpec({ kind: item.kind, contentId: null, config: item.config });
    if (spec) warnings.push(...(await checkCustomExercise(spec, `items.${item.position}`)));
  }
  return warnings;
}

const deleteInput = z.object({ assignmentId: id });

/** Deletes an assignment with its items; students' submissions stay, detached from it. */
export async function deleteAssignment(prisma: Db, actor: Actor | null, input: unknown) {
  const { assignmentId } = parseInput(deleteInput, input);
  await ownedAssignment(prisma, actor, assignmentId);
  await prisma.assignment.delete({ where: { id: assignmentId } });
  return { deleted: true };
}

const extensionInput = z.object({ assignmentId: id, userId: id, dueAt: isoDate.nullable() });

/** Gives one student their own due date (or removes it with dueAt null). */
export async function setExtension(prisma: Db, actor: Actor | null, input: unknown) {
  const { assignmentId, userId, dueAt } = parseInput(extensionInput, input);
  const assignment = await ownedAssignment(prisma, actor, assignmentId);
  const enrolled = await prisma.enrollment.findUnique({ where: { classroomId_userId: { classroomId: assignment.classroomId, userId } } });
  if (!enrolled) throw new HttpError(404, "That student is not in this class.");
  if (dueAt === null) {
    await prisma.extension.deleteMany({ where: { assignmentId, userId } });
    return null;
  }
  return prisma.extension.upsert({ where: { assignmentId_userId: { assignmentId, userId } }, update: { dueAt }, create: { assignmentId, userId, dueAt } });
}

// --- grades ---------------------------------------------------------------------------------

export type CellStatus = "not-started" | "pending" | "graded" | "passed" | "failed" | "completed";

export interface Cell {
  status: CellStatus;
  /** 0..1 after the late penalty, or null. */
  score: number | null;
  points: number | null;
  maxPoints: number;
  late: boolean;
  attempts: number;
  due: Date | null;
}

interface AssignmentWithItems {
  id: string;
  dueAt: Date | null;
  latePolicy: "ACCEPT_WITH_PENALTY" | "CLOSE";
  latePenaltyPercent: number;
  gradingPolicy: "BEST" | "LAST_BEFORE_DUE";
  items: Array<{ id: string; kind: "LESSON" | "EXERCISE" | "QUESTION_SET" | "CUSTOM_EXERCISE"; contentId: string | null; points: number; config?: unknown }>;
  extensions?: Array<{ userId: string; dueAt: Date }>;
}

/** Every (student, item) cell of these assignments: `${userId}:${itemId}` → Cell. */
export async function gradeCells(prisma: Db, assignments: AssignmentWithItems[], userIds: string[]): Promise<Map<string, Cell>> {
  const items = assignments.flatMap((a) => a.items);
  const [submissions, progress, extensions] = await Promise.all([
    prisma.exerciseSubmission.findMany({
      where: { assignmentItemId: { in: items.map((i) => i.id) }, userId: { in: userIds } },
      select: { id: true, userId: true, assignmentItemId: true, status: true, score: true, submittedAt: true },
    }),
    prisma.lessonProgress.findMany({
      where: { userId: { in: userIds }, lessonId: { in: items.filter((i) => i.kind === "LESSON").map((i) => i.contentId ?? "") }, status: "COMPLETED" },
      select: { userId: true, lessonId: true, completedAt: true },
    }),
    prisma.extension.findMany({ where: { assignmentId: { in: assignments.map((a) => a.id) }, userId: { in: userIds } } }),
  ]);
  const byCell = new Map<string, typeof submissions>();
  for (const s of submissions) {
    const key = `${s.userId}:${s.assignmentItemId}`;
    byCell.set(key, [...(byCell.get(key) ?? []), s]);
  }
  const cells = new Map<string, Cell>();
  for (const a of assignments) {
    for (const userId of userIds) {
      const due = effectiveDue(a.dueAt, extensions.find((e) => e.assignmentId === a.id && e.userId === userId)?.dueAt);
      const policy = { dueAt: due, latePolicy: a.latePolicy, latePenaltyPercent: a.latePenaltyPercent, gradingPolicy: a.gradingPolicy };
      for (const item of a.items) {
        const cell: Cell = { status: "not-started", score: null, points: null, maxPoints: item.points, late: false, attempts: 0, due };
        if (item.kind === "LESSON") {
          const done = progress.find((p) => p.userId === userId && p.lessonId === item.contentId);
          if (done) {
            const at = done.completedAt ?? new Date(0);
            cell.status = "completed";
            cell.late = isLate(at, due);
            cell.score = penalised({ id: "", submittedAt: at, score: 1 }, policy);
          }
        } else {
          const subs = byCell.get(`${userId}:${item.id}`) ?? [];
          cell.attempts = subs.length;
          const finished = subs.filter((s) => s.status === "GRADED" || s.status === "FAILED");
          const grade = itemGrade(finished, policy);
          cell.score = grade.score;
          cell.late = grade.late;
          // An exercise passes with every test passed; a question set at its pass mark.
          const passAt = (questionSetOf({ kind: item.kind, config: item.config })?.passMark ?? 100) / 100;
          if (subs.some((s) => s.status === "QUEUED" || s.status === "GRADING")) cell.status = "pending";
          else if (finished.length > 0) cell.status = finished.some((s) => s.score >= passAt) ? "passed" : finished.every((s) => s.status === "FAILED") ? "failed" : "graded";
        }
        if (cell.score !== null) cell.points = Math.round(cell.score * item.points * 100) / 100;
        cells.set(`${userId}:${item.id}`, cell);
      }
    }
  }
  return cells;
}

// --- students ---------------------------------------------------------------------------------

/** The student's classes with what is due, what is late and their scores. */
export async function studentClasses(prisma: Db, actor: Actor | null) {
  const user = needUser(actor);
  const enrollments = await prisma.enrollment.findMany({
    where: { userId: user.id },
    include: {
      classroom: {
        include: {
          teacher: { select: { name: true, email: true } },
          assignments: { include: { items: { orderBy: { position: "asc" } }, extensions: { where: { userId: user.id } } }, orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }] },
        },
      },
    },
    orderBy: { joinedAt: "desc" },
  });
  const now = new Date();
  const assignments = enrollments.flatMap((e) => e.classroom.assignments).filter((a) => !a.opensAt || a.opensAt <= now);
  const cells = await gradeCells(prisma, assignments, [user.id]);
  return enrollments.map(({ classroom }) => ({
    id: classroom.id,
    name: classroom.name,
    description: classroom.description,
    archived: classroom.archivedAt !== null,
    teacher: classroom.teacher.name ?? classroom.teacher.email,
    assignments: classroom.assignments
      .filter((a) => !a.opensAt || a.opensAt <= now)
      .map((a) => summarise(a, a.items.map((i) => cells.get(`${user.id}:${i.id}`)!), now)),
  }));
}

function summarise(a: { id: string; title: string; dueAt: Date | null; latePolicy: string; extensions: Array<{ dueAt: Date }> }, cells: Cell[], now: Date) {
  const due = a.extensions[0]?.dueAt ?? a.dueAt;
  const done = cells.every((c) => c.status === "passed" || c.status === "completed");
  const points = cells.reduce((n, c) => n + (c.points ?? 0), 0);
  const maxPoints = cells.reduce((n, c) => n + c.maxPoints, 0);
  return {
    id: a.id,
    title: a.title,
    due,
    closed: a.latePolicy === "CLOSE" && due !== null && now > due,
    late: !done && due !== null && now > due,
    done,
    points: Math.round(points * 100) / 100,
    maxPoints,
  };
}

/** One assignment as a student sees it: instructions, items (exercises without hidden tests), grades. */
export async function studentAssignment(prisma: Db, actor: Actor | null, assignmentId: string) {
  const user = needUser(actor);
  const assignment = await prisma.assignment.findUnique({
    where: { id: assignmentId },
    include: { items: { orderBy: { position: "asc" } }, extensions: { where: { userId: user.id } }, classroom: { select: { id: true, name: true, archivedAt: true } } },
  });
  if (!assignment) throw new HttpError(404, "There is no such assignment.");
  await joinedClass(prisma, actor, assignment.classroomId);
  const now = new Date();
  if (assignment.opensAt && assignment.opensAt > now) throw new HttpError(403, "This assignment is not open yet.");
  const cells = await gradeCells(prisma, [assignment], [user.id]);
  const submissions = await prisma.exerciseSubmission.findMany({
    where: { userId: user.id, assignmentItemId: { in: assignment.items.map((i) => i.id) } },
    orderBy: { submittedAt: "desc" },
  });
  const due = assignment.extensions[0]?.dueAt ?? assignment.dueAt;
  return {
    id: assignment.id,
    title: assignment.title,
    instructions: assignment.instructions,
    classroom: { id: assignment.classroom.id, name: assignment.classroom.name },
    due,
    latePolicy: assignment.latePolicy,
    latePenaltyPercent: assignment.latePenaltyPercent,
    gradingPolicy: assignment.gradingPolicy,
    closed: assignment.classroom.archivedAt !== null || (assignment.latePolicy === "CLOSE" && due !== null && now > due),
    items: assignment.items.map((item) => {
      const spec = itemSpec(item);
      return {
        id: item.id,
        kind: item.kind,
        contentId: item.contentId,
        points: item.points,
        cell: cells.get(`${user.id}:${item.id}`)!,
        exercise: spec ? publicExercise(spec) : null,
        questionSet: (() => {
          const set = questionSetOf(item);
          return set ? publicQuestionSet(set, `${user.id}:${item.id}`) : null;
        })(),
        lesson: item.kind === "LESSON" ? (course().lessons.find((l) => l.id === item.contentId) ?? null) : null,
        submissions: submissions.filter((s) => s.assignmentItemId === item.id).map(forStudent),
      };
    }),
  };
}

interface StoredCase {
  caseId: string;
  name: string;
  passed: boolean;
  hidden: boolean;
  points: number;
  maxPoints: number;
  message: string;
}

function storedCases(results: unknown): StoredCase[] {
  return Array.isArray(results) ? (results as StoredCase[]) : [];
}

/** A submission as its author may see it: hidden tests only as passed/failed counts. */
export function forStudent(s: { id: string; status: string; score: number; passed: number; total: number; submittedAt: Date; gradedAt: Date | null; error: string | null; results: unknown; code: string }) {
  const cases = storedCases(s.results);
  const hidden = cases.filter((c) => c.hidden);
  return {
    id: s.id,
    status: s.status,
    score: s.score,
    passed: s.passed,
    total: s.total,
    submittedAt: s.submittedAt.toISOString(),
    gradedAt: s.gradedAt?.toISOString() ?? null,
    error: s.error,
    code: s.code,
    visible: cases.filter((c) => !c.hidden).map((c) => ({ id: c.caseId, name: c.name, passed: c.passed, points: c.points, maxPoints: c.maxPoints, message: c.message })),
    hidden: { passed: hidden.filter((c) => c.passed).length, failed: hidden.filter((c) => !c.passed).length },
  };
}
export type StudentSubmission = ReturnType<typeof forStudent>;

export const MAX_SUBMISSION_BYTES = 256 * 1024;
/** Submissions a student may have waiting at once (a flood is refused, not queued). */
export const MAX_PENDING_PER_STUDENT = 5;

const submitInput = z.object({ itemId: id, submissionId: z.uuid(), files: sourceFilesSchema });

/** Queues a student's code for grading. Refused after a closed due date, before opening, or when archived. */
interface SubmissionGate {
  kind: string;
  contentId: string | null;
  opensAt: Date | null;
  dueAt: Date | null;
  latePolicy: string;
  archivedAt: Date | null;
  extensionDueAt: Date | null;
  enrolled: boolean;
  pending: number;
  existingUserId: string | null;
  existingItemId: string | null;
  existingStatus: SubmissionStatus | null;
}

/**
 * Everything submitItem checks, in one round trip: at a deadline every submission pays for this,
 * and as separate Prisma reads it was nine queries (~17 ms each submission on PGlite).
 * Timestamps are stored as UTC without a zone (Prisma's convention), hence `AT TIME ZONE 'UTC'`.
 */
async function submissionGate(prisma: Db, userId: string, itemId: string, submissionId: string): Promise<SubmissionGate | null> {
  const rows = await prisma.$queryRaw<SubmissionGate[]>`
    SELECT i."kind"::text AS "kind", i."contentId",
           a."opensAt" AT TIME ZONE 'UTC' AS "opensAt", a."dueAt" AT TIME ZONE 'UTC' AS "dueAt",
           a."latePolicy"::text AS "latePolicy", c."archivedAt" AT TIME ZONE 'UTC' AS "archivedAt",
           (SELECT x."dueAt" AT TIME ZONE 'UTC' FROM "Extension" x WHERE x."assignmentId" = a."id" AND x."userId" = ${userId} LIMIT 1) AS "extensionDueAt",
           EXISTS (SELECT 1 FROM "Enrollment" e WHERE e."classroomId" = a."classroomId" AND e."userId" = ${userId}) AS "enrolled",
           (SELECT count(*)::int FROM "ExerciseSubmission" p WHERE p."userId" = ${userId} AND p."status" IN ('QUEUED', 'GRADING')) AS "pending",
           s."userId" AS "existingUserId", s."assignmentItemId" AS "existingItemId", s."status"::text AS "existingStatus"
      FROM "AssignmentItem" i
      JOIN "Assignment" a ON a."id" = i."assignmentId"
      JOIN "Classroom" c ON c."id" = a."classroomId"
      LEFT JOIN "ExerciseSubmission" s ON s."id" = ${submissionId}
     WHERE i."id" = ${itemId}`;
  const row = rows[0];
  if (!row) return null;
  const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string | Date));
  return { ...row, opensAt: date(row.opensAt), dueAt: date(row.dueAt), archivedAt: date(row.archivedAt), extensionDueAt: date(row.extensionDueAt), pending: Number(row.pending) };
}

export async function submitItem(prisma: Db, actor: Actor | null, input: unknown) {
  const user = needUser(actor);
  const raw = input as { files?: unknown } | null;
  if (raw && typeof raw === "object" && raw.files && typeof raw.files === "object") {
    const size = Object.values(raw.files as Record<string, unknown>).reduce<number>((n, v) => n + (typeof v === "string" ? Buffer.byteLength(v) : 0), 0);
    if (size > MAX_SUBMISSION_BYTES) throw new HttpError(413, `Your code is larger than ${MAX_SUBMISSION_BYTES / 1024} KB; submissions are limited to that.`);
  }
  const { itemId, submissionId, files } = parseInput(submitInput, input);
  const gate = await submissionGate(prisma, user.id, itemId, submissionId);
  if (!gate) throw new HttpError(404, "There is no such assignment item.");
  if (!gate.enrolled) throw new HttpError(403, "You have not joined this class.");
  if (gate.kind !== "EXERCISE" && gate.kind !== "CUSTOM_EXERCISE") throw new HttpError(422, "This item is not an exercise.");
  if (gate.existingUserId !== null) {
    // The same submission id again (a retried request): the row it made, never a second one.
    if (gate.existingUserId !== user.id || gate.existingItemId !== itemId) throw new HttpError(409, "That submission id is already used.");
    return { id: submissionId, status: gate.existingStatus! };
  }
  const now = new Date();
  if (gate.archivedAt) throw new HttpError(409, "This class is archived; it no longer accepts submissions.");
  if (gate.opensAt && gate.opensAt > now) throw new HttpError(409, "This assignment is not open yet.");
  const due = effectiveDue(gate.dueAt, gate.extensionDueAt);
  if (gate.latePolicy === "CLOSE" && isLate(now, due)) throw new HttpError(409, "The due date has passed; this assignment no longer accepts submissions.");
  if (gate.pending >= MAX_PENDING_PER_STUDENT) throw new HttpError(429, "You already have submissions waiting to be graded. Wait for them first.");
  const row = await prisma.exerciseSubmission.create({
    data: { id: submissionId, userId: user.id, assignmentItemId: itemId, exerciseId: gate.contentId ?? itemId, code: JSON.stringify(files), status: "QUEUED", submittedAt: now },
  });
  return { id: row.id, status: row.status };
}

/** One submission, for polling: its author sees it redacted; the class's teacher sees all of it. */
export async function submissionView(prisma: Db, actor: Actor | null, submissionId: string) {
  const user = needUser(actor);
  const s = await prisma.exerciseSubmission.findUnique({ where: { id: submissionId }, include: { assignmentItem: { include: { assignment: { select: { classroomId: true } } } } } });
  if (!s || !s.assignmentItem) throw new HttpError(404, "There is no such submission.");
  if (s.userId === user.id) return forStudent(s);
  await ownedClass(prisma, actor, s.assignmentItem.assignment.classroomId);
  return { ...forStudent(s), cases: storedCases(s.results) };
}

export { storedCases, type StoredCase };
