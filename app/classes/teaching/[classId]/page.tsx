import Link from "next/link";
import { ClassControls, DeleteAssignmentButton, ExtensionForm, RemoveInviteButton, RemoveStudentButton, RosterImport } from "../../../_components/classes/controls";
import { classForTeacher } from "../../../_server/classes/classes";
import { itemSpec, itemTitle } from "../../../_server/classes/items";
import { env } from "../../../_server/env";
import { LocalTime } from "../../../_components/classes/local-time";
import { guarded } from "../../_lib/guard";

export const metadata = { title: "Manage class" };

/** The teacher's view of one class: join code and link, roster, assignments and extensions. */
export default async function TeacherClassPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const c = await guarded(`/classes/teaching/${classId}`, (prisma, actor) => classForTeacher(prisma, actor, classId));
  const base = env().NEXTAUTH_URL ?? `http://localhost:${env().PORT}`;
  const joinLink = `${base.replace(/\/$/, "")}/classes/join?code=${c.joinCode}`;
  const students = c.enrollments.map((e) => ({ id: e.user.id, label: e.user.name ? `${e.user.name} (${e.user.email})` : e.user.email }));
  return (
    <div className="container page stack">
      <p>
        <Link href="/classes/teaching">← Classes you teach</Link>
      </p>
      <h1>
        {c.name} {c.archivedAt && <span className="badge">Archived</span>}
      </h1>
      {c.description && <p>{c.description}</p>}

      <section className="card stack" aria-labelledby="join-heading">
        <h2 id="join-heading">Join code</h2>
        {c.joinCodeEnabled && !c.archivedAt ? (
          <>
            <p>
              <code className="join-code" data-testid="join-code" style={{ fontSize: "1.5rem", letterSpacing: "0.12em" }}>
                {c.joinCode}
              </code>
            </p>
            <p>
              Join link: <code data-testid="join-link">{joinLink}</code>
            </p>
          </>
        ) : (
          <p className="muted" data-testid="join-disabled">
            {c.archivedAt ? "The class is archived: nobody can join." : `Joining is disabled (the code ${c.joinCode} does not work).`}
          </p>
        )}
        <ClassControls classId={c.id} enabled={c.joinCodeEnabled} archived={c.archivedAt !== null} />
      </section>

      <section className="stack" aria-labelledby="assignments-heading">
        <h2 id="assignments-heading">Assignments</h2>
        <p>
          {!c.archivedAt && (
            <Link className="button" href={`/classes/teaching/${c.id}/assignments/new`}>
              New assignment
            </Link>
          )}{" "}
          <Link className="button secondary" href={`/classes/teaching/${c.id}/gradebook`}>
            Gradebook
          </Link>
        </p>
        {c.assignments.length === 0 && <p className="muted">No assignments yet.</p>}
        {c.assignments.map((a) => (
          <div key={a.id} className="card stack">
            <h3>{a.title}</h3>
            <p className="muted">
              Opens <LocalTime value={a.opensAt} /> · due <LocalTime value={a.dueAt} /> · {a.latePolicy === "CLOSE" ? "closed after the due date" : `late: −${a.latePenaltyPercent}%`} · grade from the {a.gradingPolicy === "BEST" ? "best submission" : "last submission before the due date"}
            </p>
            <ol>
              {a.items.map((i) => {
                const spec = i.kind === "CUSTOM_EXERCISE" ? itemSpec(i) : null;
                return (
                  <li key={i.id}>
                    {itemTitle(i)} ({i.points} points)
                    {spec && (
                      <details>
                        <summary>Tests ({spec.tests.length})</summary>
                        <ul>
                          {spec.tests.map((t) => (
                            <li key={t.id}>
                              {t.name} — {t.points} pt{t.hidden && <span className="badge">hidden</span>}
                            </li>
                          ))}
                        </ul>
                      </details>
                    )}
                  </li>
                );
              })}
            </ol>
            {a.extensions.length > 0 && (
              <p>
                Extensions:{" "}
                {a.extensions.map((e, i) => (
                  <span key={e.id}>
                    {i > 0 && "; "}
                    {e.user.name ?? e.user.email} until <LocalTime value={e.dueAt} />
                  </span>
                ))}
              </p>
            )}
            <details>
              <summary>Give a student an extension</summary>
              <ExtensionForm assignmentId={a.id} students={students} />
            </details>
            <div className="row-actions">
              <Link className="button secondary" href={`/classes/teaching/${c.id}/assignments/${a.id}/edit`}>
                Edit <span className="sr-only">“{a.title}”</span>
              </Link>{" "}
              <Link className="button secondary" href={`/classes/teaching/${c.id}/assignments/${a.id}/preview`}>
                Preview as a student <span className="sr-only">(“{a.title}”)</span>
              </Link>{" "}
              <DeleteAssignmentButton assignmentId={a.id} title={a.title} />
            </div>
          </div>
        ))}
      </section>

      <section className="stack" aria-labelledby="roster-heading">
        <h2 id="roster-heading">Roster ({c.enrollments.length})</h2>
        {c.enrollments.length === 0 ? (
          <p className="muted">No students yet. Share the join code or link, or import a roster.</p>
        ) : (
          <div className="table-scroll">
            <table className="table" data-testid="roster">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Joined</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {c.enrollments.map((e) => (
                  <tr key={e.id}>
                    <td>{e.user.name ?? "—"}</td>
                    <td>{e.user.email}</td>
                    <td>
                      <LocalTime value={e.joinedAt} />
                    </td>
                    <td>
                      <RemoveStudentButton classId={c.id} userId={e.user.id} label={e.user.name ?? e.user.email} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {c.invites.length > 0 && (
          <>
            <h3>Invited, without an account yet ({c.invites.length})</h3>
            <p className="muted">They join when they sign up with this email and open Classes, or use the join link.</p>
            <ul>
              {c.invites.map((i) => (
                <li key={i.id}>
                  {i.email} <RemoveInviteButton classId={c.id} email={i.email} />
                </li>
              ))}
            </ul>
          </>
        )}
        <h3>Import a roster</h3>
        <RosterImport classId={c.id} />
      </section>
    </div>
  );
}
