/** Exercise submissions as the server graded them (verifiedBy SERVER). */
import type { ExerciseReport } from "@/sandbox/grading";
import type { Db } from "./db/client";

export interface SubmissionInput {
  /** Chosen by the client for each submit, so a retried request records once. */
  submissionId: string;
  userId: string;
  exerciseId: string;
  files: Record<string, string>;
  report: ExerciseReport;
  assignmentItemId?: string;
}

/** Records a server-graded submission; the same submissionId twice records it once. */
export async function recordSubmission(prisma: Db, { submissionId, userId, exerciseId, files, report, assignmentItemId }: SubmissionInput) {
  const existing = await prisma.exerciseSubmission.findUnique({ where: { id: submissionId }, select: { id: true, userId: true } });
  if (existing) {
    if (existing.userId !== userId) throw new Error("submission id already used by another user");
    return { id: existing.id, created: false };
  }
  try {
    await createSubmission(prisma, { submissionId, userId, exerciseId, files, report, assignmentItemId });
    return { id: submissionId, created: true };
  } catch (error) {
    // A concurrent retry of the same submission won the race: it is recorded once.
    if ((error as { code?: string }).code === "P2002") return { id: submissionId, created: false };
    throw error;
  }
}

function createSubmission(prisma: Db, { submissionId, userId, exerciseId, files, report, assignmentItemId }: SubmissionInput) {
  return prisma.exerciseSubmission.create({
    data: {
      id: submissionId,
      userId,
      exerciseId,
      assignmentItemId: assignmentItemId ?? null,
      // The function's files as submitted (JSON: path → text).
      code: JSON.stringify(files),
      results: report.cases.map((c) => ({ caseId: c.id, name: c.name, passed: c.passed, hidden: c.hidden, points: c.points, maxPoints: c.maxPoints, message: c.message })),
      passed: report.passed,
      total: report.total,
      score: report.score,
      verifiedBy: "SERVER",
      status: "GRADED",
      gradedAt: new Date(),
    },
  });
}
