"use server";

/**
 * Server actions for classrooms: each one reads the signed-in user and calls the function of
 * app/_server/classes that checks what that user may do (tested there, role by role).
 */
import { revalidatePath } from "next/cache";
import { getSessionUser } from "../_server/auth";
import { archiveClass, changeJoinCode, createClass, importRoster, joinClass, removeInvite, removeStudent } from "../_server/classes/classes";
import { createAssignment, deleteAssignment, setExtension, submitItem } from "../_server/classes/assignments";
import { startGradingWorker, wakeGradingWorker } from "../_server/classes/queue";
import { submitQuestionSet } from "../_server/classes/question-sets";
import { updateAssignment } from "../_server/classes/editing";
import { db } from "../_server/db";
import { HttpError } from "../_server/http";
import type { Db } from "../_server/db/client";
import type { Actor } from "../_server/classes/access";

export type ActionResult<T> = { ok: true; value: T } | { ok: false; status: number; error: string };

async function run<T>(fn: (prisma: Db, actor: Actor | null) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const value = await fn(await db(), await getSessionUser());
    revalidatePath("/classes", "layout");
    return { ok: true, value };
  } catch (error) {
    if (error instanceof HttpError) return { ok: false, status: error.status, error: error.message };
    console.error("classes action failed:", error);
    return { ok: false, status: 500, error: "Something went wrong on our side. Please try again." };
  }
}

export async function createClassAction(input: unknown) {
  return run(async (prisma, actor) => {
    const c = await createClass(prisma, actor, input);
    return { id: c.id };
  });
}

export async function changeJoinCodeAction(input: unknown) {
  return run(async (prisma, actor) => {
    const c = await changeJoinCode(prisma, actor, input);
    return { joinCode: c.joinCode, enabled: c.joinCodeEnabled };
  });
}

export async function archiveClassAction(input: unknown) {
  return run(async (prisma, actor) => ({ archived: (await archiveClass(prisma, actor, input)).archivedAt !== null }));
}

export async function removeStudentAction(input: unknown) {
  return run((prisma, actor) => removeStudent(prisma, actor, input));
}

export async function removeInviteAction(input: unknown) {
  return run((prisma, actor) => removeInvite(prisma, actor, input));
}

export async function importRosterAction(input: unknown) {
  return run((prisma, actor) => importRoster(prisma, actor, input));
}

export async function joinClassAction(input: unknown) {
  return run((prisma, actor) => joinClass(prisma, actor, input));
}

export async function createAssignmentAction(input: unknown) {
  return run(async (prisma, actor) => {
    const created = await createAssignment(prisma, actor, input);
    return { id: created.id, warnings: created.warnings };
  });
}

export async function updateAssignmentAction(input: unknown) {
  return run((prisma, actor) => updateAssignment(prisma, actor, input));
}

export async function deleteAssignmentAction(input: unknown) {
  return run((prisma, actor) => deleteAssignment(prisma, actor, input));
}

export async function setExtensionAction(input: unknown) {
  return run(async (prisma, actor) => ({ dueAt: (await setExtension(prisma, actor, input))?.dueAt.toISOString() ?? null }));
}

export async function submitItemAction(input: unknown) {
  return run(async (prisma, actor) => {
    const queued = await submitItem(prisma, actor, input);
    // Graded off the request path: make sure this process's loop runs, and wake it now.
    startGradingWorker(db);
    wakeGradingWorker();
    return queued;
  });
}

export async function submitQuestionSetAction(input: unknown) {
  return run(async (prisma, actor) => {
    const r = await submitQuestionSet(prisma, actor, input);
    return { id: r.id, score: r.score, passed: r.passed, results: r.results.map((o) => ({ caseId: o.caseId, name: o.name, passed: o.passed, points: o.points, message: o.message })) };
  });
}
