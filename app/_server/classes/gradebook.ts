/** The teacher's gradebook: students × items, a per-student detail, a class summary and CSV. */
import type { Db } from "../db/client";
import { HttpError } from "../http";
import { ownedClass, type Actor } from "./access";
import { gradeCells, storedCases, type Cell } from "./assignments";
import { csvRows } from "./csv";
import { itemTitle } from "./items";

export async function gradebook(prisma: Db, actor: Actor | null, classId: string) {
  const classroom = await ownedClass(prisma, actor, classId);
  const [enrollments, assignments] = await Promise.all([
    prisma.enrollment.findMany({ where: { classroomId: classId }, include: { user: { select: { id: true, email: true, name: true } } }, orderBy: { joinedAt: "asc" } }),
    prisma.assignment.findMany({ where: { classroomId: classId }, include: { items: { orderBy: { position: "asc" } }, extensions: true }, orderBy: { createdAt: "asc" } }),
  ]);
  const students = enrollments.map((e) => e.user);
  const cells = await gradeCells(prisma, assignments, students.map((s) => s.id));
  const columns = assignments.flatMap((a) => a.items.map((item) => ({ assignmentId: a.id, assignment: a.title, itemId: item.id, kind: item.kind, title: itemTitle(item), points: item.points })));
  const rows = students.map((s) => {
    const row = columns.map((c) => cells.get(`${s.id}:${c.itemId}`)!);
    return { student: s, cells: row, total: Math.round(row.reduce((n, c) => n + (c.points ?? 0), 0) * 100) / 100 };
  });
  return { classroom, columns, rows, maxTotal: columns.reduce((n, c) => n + c.points, 0), summary: await summary(prisma, columns, rows) };
}

/** Who is stuck where (tried and not passed, or not started), and the tests failed most often. */
async function summary(prisma: Db, columns: Array<{ itemId: string; title: string; assignment: string }>, rows: Array<{ student: { id: string; email: string; name: string | null }; cells: Cell[] }>) {
  const items = columns.map((c, i) => {
    const stuck = rows.filter((r) => r.cells[i]!.attempts > 0 && r.cells[i]!.status !== "passed").map((r) => r.student.name ?? r.student.email);
    const notStarted = rows.filter((r) => r.cells[i]!.status === "not-started").length;
    const done = rows.filter((r) => r.cells[i]!.status === "passed" || r.cells[i]!.status === "completed").length;
    return { itemId: c.itemId, title: `${c.assignment} — ${c.title}`, done, notStarted, stuck };
  });
  // Failed tests counted over every graded submission of the class.
  const graded = await prisma.exerciseSubmission.findMany({
    where: { assignmentItemId: { in: columns.map((c) => c.itemId) }, status: "GRADED", userId: { in: rows.map((r) => r.student.id) } },
    select: { assignmentItemId: true, results: true, userId: true },
  });
  const failures = new Map<string, { itemId: string; caseId: string; name: string; hidden: boolean; failures: number; students: Set<string> }>();
  for (const s of graded) {
    for (const c of storedCases(s.results)) {
      if (c.passed) continue;
      const key = `${s.assignmentItemId}:${c.caseId}`;
      const entry = failures.get(key) ?? { itemId: s.assignmentItemId!, caseId: c.caseId, name: c.name, hidden: c.hidden, failures: 0, students: new Set<string>() };
      entry.failures += 1;
      entry.students.add(s.userId);
      failures.set(key, entry);
    }
  }
  const mostFailed = [...failures.values()]
    .sort((a, b) => b.failures - a.failures || a.caseId.localeCompare(b.caseId))
    .slice(0, 10)
    .map(({ students, ...f }) => ({ ...f, students: students.size, item: items.find((i) => i.itemId === f.itemId)?.title ?? "" }));
  return { items, mostFailed };
}

/** Every submission of one student in this class, with full per-test results and code. */
export async function studentDetail(prisma: Db, actor: Actor | null, classId: string, userId: string) {
  await ownedClass(prisma, actor, classId);
  const enrollment = await prisma.enrollment.findUnique({ where: { classroomId_userId: { classroomId: classId, userId } }, include: { user: { select: { id: true, email: true, name: true } } } });
  if (!enrollment) throw new HttpError(404, "That student is not in this class.");
  const submissions = await prisma.exerciseSubmission.findMany({
    where: { userId, assignmentItem: { assignment: { classroomId: classId } } },
    include: { assignmentItem: { include: { assignment: { select: { title: true } } } } },
    orderBy: { submittedAt: "desc" },
  });
  return {
    student: enrollment.user,
    submissions: submissions.map((s) => ({
      id: s.id,
      item: `${s.assignmentItem!.assignment.title} — ${itemTitle(s.assignmentItem!)}`,
      status: s.status,
      score: s.score,
      passed: s.passed,
      total: s.total,
      submittedAt: s.submittedAt,
      gradedAt: s.gradedAt,
      error: s.error,
      // A question set's "code" is the answers (question id → answer), shown as JSON.
      files: s.assignmentItem!.kind === "QUESTION_SET" ? { "answers.json": JSON.stringify(JSON.parse(s.code), null, 2) } : parseFiles(s.code),
      cases: storedCases(s.results),
    })),
  };
}

function parseFiles(code: string): Record<string, string> {
  try {
    return JSON.parse(code) as Record<string, string>;
  } catch {
    return { "(code)": code };
  }
}

/** The gradebook as CSV: one row per student, points per item (blank when not attempted), total. */
export async function gradebookCsv(prisma: Db, actor: Actor | null, classId: string) {
  const book = await gradebook(prisma, actor, classId);
  const header = ["Name", "Email", ...book.columns.map((c) => `${c.assignment} — ${c.title} (${c.points})`), `Total (${book.maxTotal})`];
  const rows = book.rows.map((r) => [r.student.name ?? "", r.student.email, ...r.cells.map((c) => (c.points === null ? "" : c.points)), r.total]);
  const slug = book.classroom.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "class";
  return { filename: `gradebook-${slug}.csv`, csv: csvRows([header, ...rows]) };
}
