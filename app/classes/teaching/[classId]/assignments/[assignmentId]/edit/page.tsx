import Link from "next/link";
import { notFound } from "next/navigation";
import { AssignmentForm } from "../../../../../../_components/classes/assignment-form";
import { assignmentForEdit } from "../../../../../../_server/classes/editing";
import { questionBankForTeachers } from "../../../../../../_server/classes/question-sets";
import { course } from "../../../../../../_server/content/course";
import { exercises } from "../../../../../../_server/content/exercises";
import { guarded } from "../../../../../_lib/guard";

export const metadata = { title: "Edit assignment" };

/** The teacher edits an assignment; items with submissions are locked (their points stay editable). */
export default async function EditAssignmentPage({ params }: { params: Promise<{ classId: string; assignmentId: string }> }) {
  const { classId, assignmentId } = await params;
  const { a, bank } = await guarded(`/classes/teaching/${classId}/assignments/${assignmentId}/edit`, async (prisma, actor) => ({
    a: await assignmentForEdit(prisma, actor, assignmentId),
    bank: questionBankForTeachers(actor),
  }));
  if (a.classroomId !== classId) notFound();
  const lessons = course().lessons.map((l) => ({ id: l.id, title: l.title }));
  const exerciseList = [...exercises().values()].map((e) => ({ id: e.spec.id, title: e.spec.title ?? e.spec.id }));
  return (
    <div className="container page stack">
      <p>
        <Link href={`/classes/teaching/${classId}`}>← Back to the class</Link> · <Link href={`/classes/teaching/${classId}/assignments/${a.id}/preview`}>Preview as a student</Link>
      </p>
      <h1>Edit “{a.title}”</h1>
      <AssignmentForm classId={classId} lessons={lessons} exercises={exerciseList} bank={bank} initial={a} />
    </div>
  );
}
