import Link from "next/link";
import { AssignmentForm } from "../../../../../_components/classes/assignment-form";
import { ownedClass } from "../../../../../_server/classes/access";
import { course } from "../../../../../_server/content/course";
import { exercises } from "../../../../../_server/content/exercises";
import { questionBankForTeachers } from "../../../../../_server/classes/question-sets";
import { guarded } from "../../../../_lib/guard";

export const metadata = { title: "New assignment" };

export default async function NewAssignmentPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const { c, bank } = await guarded(`/classes/teaching/${classId}/assignments/new`, async (prisma, actor) => ({ c: await ownedClass(prisma, actor, classId), bank: questionBankForTeachers(actor) }));
  const lessons = course().lessons.map((l) => ({ id: l.id, title: l.title }));
  const exerciseList = [...exercises().values()].map((e) => ({ id: e.spec.id, title: e.spec.title ?? e.spec.id }));
  return (
    <div className="container page stack">
      <p>
        <Link href={`/classes/teaching/${c.id}`}>← {c.name}</Link>
      </p>
      <h1>New assignment</h1>
      <AssignmentForm classId={c.id} lessons={lessons} exercises={exerciseList} bank={bank} />
    </div>
  );
}
