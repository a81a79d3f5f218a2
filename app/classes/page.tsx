import Link from "next/link";
import { studentClasses } from "../_server/classes/assignments";
import { acceptInvites } from "../_server/classes/classes";
import { TEACHING_ROLES } from "../_server/authz";
import { AssignmentTable } from "../_components/classes/assignment-table";
import { guarded } from "./_lib/guard";

export const metadata = { title: "Classes" };

/** A student's classes: what is due, what is late, their scores; and the join form's link. */
export default async function ClassesPage() {
  const { classes, teaches, joined } = await guarded("/classes", async (prisma, actor) => {
    // Invites from a roster import for this email turn into enrolments on the first visit.
    const { joined } = await acceptInvites(prisma, actor);
    return { classes: await studentClasses(prisma, actor), teaches: (TEACHING_ROLES as readonly string[]).includes(actor!.role), joined };
  });
  return (
    <div className="container page stack">
      <h1>Classes</h1>
      <p>
        <Link className="button" href="/classes/join">
          Join a class
        </Link>{" "}
        {teaches && (
          <Link className="button secondary" href="/classes/teaching">
            Classes you teach
          </Link>
        )}
      </p>
      {joined > 0 && <p className="alert success">You were added to {joined === 1 ? "a class" : `${joined} classes`} your teacher invited you to.</p>}
      <h2>Classes you have joined</h2>
      {classes.length === 0 && <p className="muted">You have not joined a class yet. Your teacher will give you a join code or link.</p>}
      {classes.map((c) => (
        <section key={c.id} className="card stack" aria-labelledby={`class-${c.id}`}>
          <h3 id={`class-${c.id}`}>
            <Link href={`/classes/${c.id}`}>{c.name}</Link> {c.archived && <span className="badge">Archived</span>}
          </h3>
          <p className="muted">Teacher: {c.teacher}</p>
          {c.assignments.length === 0 ? (
            <p className="muted">No assignments yet.</p>
          ) : (
            <AssignmentTable assignments={c.assignments} />
          )}
        </section>
      ))}
    </div>
  );
}
