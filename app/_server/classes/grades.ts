/**
 * Grades from graded submissions, without the database: the due date that applies to a student
 * (an extension overrides the assignment's), whether a submission is late, and an item's grade
 * under the teacher's policy (best submission, or the last before the due date) with the late
 * penalty applied.
 */

export interface GradePolicy {
  dueAt: Date | null;
  latePolicy: "ACCEPT_WITH_PENALTY" | "CLOSE";
  latePenaltyPercent: number;
  gradingPolicy: "BEST" | "LAST_BEFORE_DUE";
}

export interface GradedAttempt {
  id: string;
  submittedAt: Date;
  /** 0..1 */
  score: number;
}

export interface ItemGrade {
  /** 0..1 after the late penalty; null when nothing counts yet. */
  score: number | null;
  late: boolean;
  submissionId: string | null;
}

export function effectiveDue(assignmentDue: Date | null, extensionDue: Date | null | undefined): Date | null {
  return extensionDue ?? assignmentDue;
}

export function isLate(at: Date, due: Date | null): boolean {
  return due !== null && at.getTime() > due.getTime();
}

/** A submission's score once the late penalty applies (a late one under CLOSE counts for nothing). */
export function penalised(attempt: GradedAttempt, policy: GradePolicy): number {
  if (!isLate(attempt.submittedAt, policy.dueAt)) return attempt.score;
  if (policy.latePolicy === "CLOSE") return 0;
  return attempt.score * (1 - Math.min(100, Math.max(0, policy.latePenaltyPercent)) / 100);
}

export function itemGrade(attempts: GradedAttempt[], policy: GradePolicy): ItemGrade {
  if (attempts.length === 0) return { score: null, late: false, submissionId: null };
  const ordered = [...attempts].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  if (policy.gradingPolicy === "LAST_BEFORE_DUE") {
    const onTime = ordered.filter((a) => !isLate(a.submittedAt, policy.dueAt));
    // Nothing before the due date: the last late submission counts, with its penalty.
    const chosen = onTime.at(-1) ?? ordered.at(-1)!;
    return { score: penalised(chosen, policy), late: isLate(chosen.submittedAt, policy.dueAt), submissionId: chosen.id };
  }
  let best = ordered[0]!;
  let bestScore = penalised(best, policy);
  for (const a of ordered.slice(1)) {
    const s = penalised(a, policy);
    if (s > bestScore) {
      best = a;
      bestScore = s;
    }
  }
  return { score: bestScore, late: isLate(best.submittedAt, policy.dueAt), submissionId: best.id };
}
