import Link from "next/link";
import styles from "../../../../_components/classes/classes.module.css";
import { cellMatches, isStatusFilter, STATUS_FILTER_LABEL, STATUS_FILTERS, type StatusFilter } from "../../../../_server/classes/filters";
import { gradebook, studentDetail } from "../../../../_server/classes/gradebook";
import { LocalTime } from "../../../../_components/classes/local-time";
import { guarded } from "../../../_lib/guard";

export const metadata = { title: "Gradebook" };

const SHORT: Record<string, string> = { "not-started": "—", pending: "queued", graded: "", passed: "✓", failed: "error", completed: "✓" };

/** The gradebook URL with these filters (undefined drops one). */
function href(base: string, filters: { assignment?: string; status?: StatusFilter }): string {
  const q = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === "string"));
  return q.size ? `${base}?${q}` : base;
}

/** Students × items with status and score, filters by assignment and status, a class summary, per-student detail. */
export default async function GradebookPage({ params, searchParams }: { params: Promise<{ classId: string }>; searchParams: Promise<{ student?: string; assignment?: string; status?: string }> }) {
  const { classId } = await params;
  const { student, assignment, status: rawStatus } = await searchParams;
  const status = isStatusFilter(rawStatus) ? rawStatus : undefined;
  const { book, detail } = await guarded(`/classes/teaching/${classId}/gradebook`, async (prisma, actor) => ({
    book: await gradebook(prisma, actor, classId),
    detail: typeof student === "string" ? await studentDetail(prisma, actor, classId, student) : null,
  }));
  const shown = book.columns.map((c, i) => ({ c, i })).filter(({ c }) => !assignment || c.assignmentId === assignment);
  const assignments = [...new Map(book.columns.map((c) => [c.assignmentId, c.assignment])).entries()];
  const base = `/classes/teaching/${classId}/gradebook`;
  // With a status filter: only students with at least one shown item in that status.
  const rows = status ? book.rows.filter((r) => shown.some(({ i }) => cellMatches(r.cells[i]!, status))) : book.rows;
  return (
    <div className="container page stack">
      <p>
        <Link href={`/classes/teaching/${classId}`}>← {book.classroom.name}</Link>
      </p>
      <h1>Gradebook</h1>
      <p className={styles.actions}>
        <a className="button secondary" href={`/api/classes/${classId}/gradebook`} download>
          Export CSV
        </a>
        {assignments.length > 1 && (
          <span>
            Show:{" "}
            <Link href={href(base, { status })} aria-current={!assignment ? "page" : undefined}>
              all
            </Link>
            {assignments.map(([id, title]) => (
              <span key={id}>
                {" · "}
                <Link href={href(base, { assignment: id, status })} aria-current={assignment === id ? "page" : undefined}>
                  {title}
                </Link>
              </span>
            ))}
          </span>
        )}
      </p>
      <p data-testid="status-filter">
        Students:{" "}
        <Link href={href(base, { assignment })} aria-current={!status ? "page" : undefined}>
          all
        </Link>
        {STATUS_FILTERS.map((f) => (
          <span key={f}>
            {" · "}
            <Link href={href(base, { assignment, status: f })} aria-current={status === f ? "page" : undefined}>
              {STATUS_FILTER_LABEL[f]}
            </Link>
          </span>
        ))}
        {status && <span className="muted"> — {rows.length} of {book.rows.length} students with an item {STATUS_FILTER_LABEL[status]}</span>}
      </p>
      {book.rows.length === 0 || book.columns.length === 0 ? (
        <p className="muted">The gradebook fills in once the class has students and assignments.</p>
      ) : (
        <div className="table-scroll">
          <table className="table" data-testid="gradebook">
            <thead>
              <tr>
                <th scope="col">Student</th>
                {shown.map(({ c }) => (
                  <th scope="col" key={c.itemId}>
                    {c.assignment}: {c.title} <span className="muted">({c.points})</span>
                  </th>
                ))}
                <th scope="col">Total ({book.maxTotal})</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.student.id}>
                  <th scope="row">
                    <Link href={`${base}?student=${r.student.id}`}>{r.student.name ?? r.student.email}</Link>
                  </th>
                  {shown.map(({ c, i }) => {
                    const cell = r.cells[i]!;
                    const dim = status !== undefined && !cellMatches(cell, status);
                    return (
                      <td key={c.itemId} className={`${styles.cell}${dim ? " muted" : ""}`} data-testid={`cell-${r.student.email}-${i}`}>
                        {cell.points !== null ? `${cell.points} ` : ""}
                        <span className={cell.status === "passed" || cell.status === "completed" ? styles.pass : cell.status === "failed" ? styles.fail : "muted"}>{SHORT[cell.status]}</span>
                        {cell.attempts > 0 && <span className="muted"> ({cell.attempts} tries)</span>}
                        {cell.late && <span className="badge">late</span>}
                      </td>
                    );
                  })}
                  <td className={styles.cell}>{r.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {detail && (
        <section className="card stack" aria-labelledby="detail-heading" data-testid="student-detail">
          <h2 id="detail-heading">Submissions of {detail.student.name ?? detail.student.email}</h2>
          {detail.submissions.length === 0 && <p className="muted">No submissions yet.</p>}
          {detail.submissions.map((s) => (
            <details key={s.id} className="stack">
              <summary>
                {s.item} — <LocalTime value={s.submittedAt} /> — {s.status === "GRADED" ? `${Math.round(s.score * 100)}% (${s.passed}/${s.total} tests)` : s.status.toLowerCase()}
              </summary>
              {s.error && <p className="alert error">{s.error}</p>}
              <ul>
                {s.cases.map((c) => (
                  <li key={c.caseId}>
                    <span className={c.passed ? styles.pass : styles.fail}>{c.passed ? "passed" : "failed"}</span> {c.name}
                    {c.hidden && <span className="badge">hidden</span>} ({c.points}/{c.maxPoints}){!c.passed && c.message && <span className="muted"> — {c.message}</span>}
                  </li>
                ))}
              </ul>
              {Object.entries(s.files).map(([path, text]) => (
                <div key={path}>
                  <p>
                    <code>{path}</code>
                  </p>
                  <pre className={styles.pre}>
                    <code>{text}</code>
                  </pre>
                </div>
              ))}
            </details>
          ))}
        </section>
      )}

      <section className="stack" aria-labelledby="summary-heading">
        <h2 id="summary-heading">Class summary</h2>
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">Done</th>
                <th scope="col">Not started</th>
                <th scope="col">Stuck (tried, not passed)</th>
              </tr>
            </thead>
            <tbody>
              {book.summary.items.map((i) => (
                <tr key={i.itemId}>
                  <td>{i.title}</td>
                  <td>{i.done}</td>
                  <td>{i.notStarted}</td>
                  <td>{i.stuck.length ? i.stuck.join(", ") : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3>Most failed tests</h3>
        {book.summary.mostFailed.length === 0 ? (
          <p className="muted">No failed tests yet.</p>
        ) : (
          <ol data-testid="most-failed">
            {book.summary.mostFailed.map((f) => (
              <li key={`${f.itemId}:${f.caseId}`}>
                {f.name} {f.hidden && <span className="badge">hidden</span>} — {f.item}: failed {f.failures} times by {f.students} student{f.students === 1 ? "" : "s"}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
