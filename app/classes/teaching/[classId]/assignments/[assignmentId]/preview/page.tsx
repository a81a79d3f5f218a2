import Link from "next/link";
import { notFound } from "next/navigation";
import { ItemExercise } from "../../../../../../_components/classes/item-exercise";
import { ItemQuestionSet } from "../../../../../../_components/classes/item-question-set";
import { LocalTime } from "../../../../../../_components/classes/local-time";
import { Markdown } from "../../../../../../_components/classes/markdown";
import { previewAssignment } from "../../../../../../_server/classes/editing";
import { guarded } from "../../../../../_lib/guard";
import { MonacoPreload } from "../../../../../../_components/simulator/monaco-preload";

export const metadata = { title: "Preview assignment" };

/** The teacher sees the assignment as a student of the class would (hidden tests hidden), without submitting. */
export default async function PreviewAssignmentPage({ params }: { params: Promise<{ classId: string; assignmentId: string }> }) {
  const { classId, assignmentId } = await params;
  const a = await guarded(`/classes/teaching/${classId}/assignments/${assignmentId}/preview`, (prisma, actor) => previewAssignment(prisma, actor, assignmentId));
  if (a.classroom.id !== classId) notFound();
  return (
    <div className="container page stack">
      <p>
        <Link href={`/classes/teaching/${classId}`}>← {a.classroom.name}</Link> · <Link href={`/classes/teaching/${classId}/assignments/${a.id}/edit`}>Edit</Link>
      </p>
      <p className="alert" role="note">
        Preview: this is what a student of the class sees. Nothing you do here is submitted.
      </p>
      <h1>{a.title}</h1>
      <p className="muted">
        {a.opensAt && (
          <>
            Opens <LocalTime value={a.opensAt} />.{" "}
          </>
        )}
        Due <LocalTime value={a.due} />
        {a.due && (a.latePolicy === "CLOSE" ? " — late work is not accepted." : a.latePenaltyPercent > 0 ? ` — late work loses ${a.latePenaltyPercent}%.` : " — late work is accepted.")}{" "}
        Graded from {a.gradingPolicy === "BEST" ? "the student's best submission" : "the student's last submission before the due date"}.
      </p>
      {a.instructions && <Markdown text={a.instructions} />}
      {a.items.map((item, index) => (
        <section key={item.id} className="card stack" aria-labelledby={`item-${item.id}`} data-testid={`assignment-item-${index}`}>
          <h2 id={`item-${item.id}`}>
            {index + 1}. {item.kind === "LESSON" ? `Complete the lesson “${item.lesson?.title ?? item.contentId}”` : item.questionSet ? "Questions" : (item.exercise?.title ?? "Exercise")}
          </h2>
          <p>{item.points} points</p>
          {item.kind === "LESSON" && item.lesson && (
            <p>
              <Link href={`/learn/${item.lesson.id}`}>Open the lesson</Link> and mark it complete there.
            </p>
          )}
          {item.questionSet && <ItemQuestionSet itemId={item.id} passMark={item.questionSet.passMark} questions={item.questionSet.questions} closed={false} latest={null} preview />}
          {item.exercise && (
            <>
              <Markdown text={item.exercise.instructions} />
              <MonacoPreload />
              <ItemExercise itemId={item.id} exercise={item.exercise} closed={false} submissions={[]} preview />
            </>
          )}
        </section>
      ))}
    </div>
  );
}
