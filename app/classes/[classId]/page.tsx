import Link from "next/link";
import { AssignmentTable } from "../../_components/classes/assignment-table";
import { studentClasses } from "../../_server/classes/assignments";
import { joinedClass } from "../../_server/classes/access";
import { guarded } from "../_lib/guard";

export const metadata = { title: "Class" };

/** One class a student has joined: its assignments with due dates, status and scores. */
export default async function StudentClassPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const c = await guarded(`/classes/${classId}`, async (prisma, actor) => {
    await joinedClass(prisma, actor, classId);
    return (await studentClasses(prisma, actor)).find((x) => x.id === classId)!;
  });
  return (
    <div className="container page stack">
      <p>
        <Link href="/classes">← Classes</Link>
      </p>
      <h1>
        {c.name} {c.archived && <span className="badge">Archived</span>}
      </h1>
      {c.description && <p>{c.description}</p>}
      <p className="muted">Teacher: {c.teacher}</p>
      <h2>Assignments</h2>
      {c.assignments.length === 0 ? <p className="muted">No assignments yet.</p> : <AssignmentTable assignments={c.assignments} />}
    </div>
  );
}
