/** Exercise submissions as the server graded them (verifiedBy SERVER). */
import type { ExerciseReport } from "@/sandbox/grading";
import type { Db } from "./db/client";

export async function recordSubmission(
  prisma: Db,
  { userId, exerciseId, files, report, assignmentItemId }: { userId: string; exerciseId: string; files: Record<string, string>; report: ExerciseReport; assignmentItemId?: string },
) {
  return prisma.exerciseSubmission.create({
    data: {
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
