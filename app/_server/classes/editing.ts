/**
 * Editing an assignment, and the teacher's preview of what students see.
 *
 * Title, instructions, dates and policies may always change (grades are recomputed from them).
 * An item may be changed or removed only while nobody has submitted to it: a submitted item's
 * content is fixed (its points may still change), so no stored grade is silently re-based on
 * different tests or questions.
 */
import { z } from "zod";
import type { Prisma } from "@/prisma/generated/client";
import { course } from "../content/course";
import type { Db } from "../db/client";
import { HttpError } from "../http";
import { ownedAssignment, type Actor } from "./access";
import { assignmentFields, buildItems, checkCustomItems, DATES_OUT_OF_ORDER, datesInOrder } from "./assignments";
import { parseInput } from "./classes";
import { itemSpec, itemTitle, publicExercise } from "./items";
import { publicQuestionSet, questionSetOf } from "./question-sets";

const updateInput = z.object({ assignmentId: z.string().min(1).max(64), ...assignmentFields }).refine(datesInOrder, DATES_OUT_OF_ORDER);

/** Item ids of this assignment that have at least one submission. */
async function submittedItems(prisma: Db, itemIds: string[]): Promise<Set<string>> {
  const rows = await prisma.exerciseSubmission.groupBy({ by: ["assignmentItemId"], where: { assignmentItemId: { in: itemIds } } });
  return new Set(rows.map((r) => r.assignmentItemId!).filter(Boolean));
}

/** Same kind and content (a custom exercise by its source text, which its parsed spec comes from). */
function sameContent(a: { kind: string; contentId: string | null; config: unknown }, b: { kind: string; contentId?: string | null; config?: unknown }): boolean {
  if (a.kind !== b.kind || (a.contentId ?? null) !== (b.contentId ?? null)) return false;
  if (a.kind === "CUSTOM_EXERCISE") return (a.config as { source?: unknown }).source === (b.config as { source?: unknown } | undefined)?.source;
  return JSON.stringify(a.config) === JSON.stringify(b.config ?? {});
}

/** Saves a teacher's edit; 409 naming the item when a submitted item would change or go. */
export async function updateAssignment(prisma: Db, actor: Actor | null, input: unknown) {
  const data = parseInput(updateInput, input);
  const assignment = await ownedAssignment(prisma, actor, data.assignmentId);
  const classroom = await prisma.classroom.findUniqueOrThrow({ where: { id: assignment.classroomId } });
  if (classroom.archivedAt) throw new HttpError(409, "This class is archived.");
  const rows = buildItems(data.items);
  const existing = new Map(assignment.items.map((i) => [i.id, i]));
  const locked = await submittedItems(prisma, assignment.items.map((i) => i.id));
  const kept = new Set<string>();
  const changed: typeof rows = [];
  const changedIds = new Set<string>();
  for (const [position, item] of data.items.entries()) {
    if (!item.id) {
      changed.push(rows[position]!);
      continue;
    }
    const before = existing.get(item.id);
    if (!before) throw new HttpError(422, `items.${position}: that item is not part of this assignment.`);
    if (kept.has(item.id)) throw new HttpError(422, `items.${position}: the same item is listed twice.`);
    kept.add(item.id);
    const same = sameContent(before, rows[position]!);
    if (!same && locked.has(item.id)) {
      throw new HttpError(409, `items.${position}: students have already submitted to “${itemTitle(before)}”, so it can no longer be changed (only its points). Add a new item instead.`);
    }
    if (!same) {
      changed.push(rows[position]!);
      changedIds.add(item.id);
    }
  }
  for (const before of assignment.items) {
    if (!kept.has(before.id) && locked.has(before.id)) {
      throw new HttpError(409, `Students have already submitted to “${itemTitle(before)}”, so it cannot be removed.`);
    }
  }
  const warnings = await checkCustomItems(changed);
  const { assignmentId, items, ...fields } = data;
  const removed = assignment.items.filter((i) => !kept.has(i.id)).map((i) => i.id);
  // Positions are unique per assignment: kept items first move out of the way, then take their places.
  const ops: Prisma.PrismaPromise<unknown>[] = [
    prisma.assignmentItem.deleteMany({ where: { id: { in: removed } } }),
    ...[...kept].map((id, i) => prisma.assignmentItem.update({ where: { id }, data: { position: 1000 + i } })),
    ...items.map((item, position) => {
      const row = rows[position]!;
      if (!item.id) return prisma.assignmentItem.create({ data: { ...row, assignmentId } });
      const content = changedIds.has(item.id) ? { kind: row.kind, contentId: row.contentId ?? null, config: row.config ?? {} } : {};
      return prisma.assignmentItem.update({ where: { id: item.id }, data: { position, points: row.points, ...content } });
    }),
    prisma.assignment.update({ where: { id: assignmentId }, data: fields }),
  ];
  await prisma.$transaction(ops);
  return { id: assignmentId, warnings };
}

/** The assignment as the edit form needs it: every item's inputs, and whether it is locked. */
export async function assignmentForEdit(prisma: Db, actor: Actor | null, assignmentId: string) {
  const a = await ownedAssignment(prisma, actor, assignmentId);
  const locked = await submittedItems(prisma, a.items.map((i) => i.id));
  return {
    id: a.id,
    classroomId: a.classroomId,
    title: a.title,
    instructions: a.instructions,
    opensAt: a.opensAt?.toISOString() ?? null,
    dueAt: a.dueAt?.toISOString() ?? null,
    latePolicy: a.latePolicy,
    latePenaltyPercent: a.latePenaltyPercent,
    gradingPolicy: a.gradingPolicy,
    items: a.items.map((i) => {
      const base = { id: i.id, points: i.points, locked: locked.has(i.id), title: itemTitle(i) };
      if (i.kind === "LESSON") return { ...base, kind: "LESSON" as const, lessonId: i.contentId ?? "" };
      if (i.kind === "EXERCISE") return { ...base, kind: "EXERCISE" as const, exerciseId: i.contentId ?? "" };
      if (i.kind === "QUESTION_SET") {
        const set = questionSetOf(i);
        return { ...base, kind: "QUESTION_SET" as const, questionIds: set?.questionIds ?? [], passMark: set?.passMark ?? 70 };
      }
      return { ...base, kind: "CUSTOM_EXERCISE" as const, source: (i.config as { source?: string }).source ?? "" };
    }),
  };
}
export type AssignmentForEdit = Awaited<ReturnType<typeof assignmentForEdit>>;

/** What a student of the class would see (no grades, nothing to submit): the class's teacher only. */
export async function previewAssignment(prisma: Db, actor: Actor | null, assignmentId: string) {
  const a = await ownedAssignment(prisma, actor, assignmentId);
  const classroom = await prisma.classroom.findUniqueOrThrow({ where: { id: a.classroomId }, select: { id: true, name: true } });
  return {
    id: a.id,
    title: a.title,
    instructions: a.instructions,
    classroom,
    due: a.dueAt,
    opensAt: a.opensAt,
    latePolicy: a.latePolicy,
    latePenaltyPercent: a.latePenaltyPercent,
    gradingPolicy: a.gradingPolicy,
    items: a.items.map((item) => {
      const spec = itemSpec(item);
      const set = questionSetOf(item);
      return {
        id: item.id,
        kind: item.kind,
        contentId: item.contentId,
        points: item.points,
        exercise: spec ? publicExercise(spec) : null,
        questionSet: set ? publicQuestionSet(set, `preview:${item.id}`) : null,
        lesson: item.kind === "LESSON" ? (course().lessons.find((l) => l.id === item.contentId) ?? null) : null,
      };
    }),
  };
}
