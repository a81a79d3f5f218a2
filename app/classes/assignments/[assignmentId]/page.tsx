import Link from "next/link";
import { ItemExercise } from "../../../_components/classes/item-exercise";
import { ItemQuestionSet } from "../../../_components/classes/item-question-set";
import { Markdown } from "../../../_components/classes/markdown";
import { studentAssignment } from "../../../_server/classes/assignments";
import { LocalTime } from "../../../_components/classes/local-time";
import { guarded } from "../../_lib/guard";
import { MonacoPreload } from "../../../_components/simulator/monaco-preload";

export const metadata = { title: "Assignment" };

const STATUS: Record<string, string> = { "not-started": "Not started", pending: "Waiting for the grader", graded: "Graded", passed: "Passed", failed: "Failed", completed: "Completed" };

/** A student's assignment: instructions, each item with its status and score, exercises to submit. */
export default async function StudentAssignmentPage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const { assignmentId } = await params;
  const a = await guarded(`/classes/assignments/${assignmentId}`, (prisma, actor) => studentAssignment(prisma, actor, assignmentId));
  return (
    <div className="container page stack">
      <p>
        <Link href={`/classes/${a.classroom.id}`}>← {a.classroom.name}</Link>
      </p>
      <h1>{a.title}</h1>
      <p className="muted">
        Due <LocalTime value={a.due} />
        {a.due && (a.latePolicy === "CLOSE" ? " — late work is not accepted." : a.latePenaltyPercent > 0 ? ` — late work loses ${a.latePenaltyPercent}%.` : " — late work is accepted.")}{" "}
        Graded from {a.gradingPolicy === "BEST" ? "your best submission" : "your last submission before the due date"}.
      </p>
      {a.closed && <p className="alert error">This assignment is closed: the due date has passed.</p>}
      {a.instructions && <Markdown text={a.instructions} />}
      {a.items.map((item, index) => (
        <section key={item.id} className="card stack" aria-labelledby={`item-${item.id}`} data-testid={`assignment-item-${index}`}>
          <h2 id={`item-${item.id}`}>
            {index + 1}. {item.kind === "LESSON" ? `Complete the lesson “${item.lesson?.title ?? item.contentId}”` : item.questionSet ? "Questions" : (item.exercise?.title ?? "Exercise")}
          </h2>
          <p>
            <span className="badge" data-testid="item-status">
              {STATUS[item.cell.status]}
            </span>{" "}
            Score: <span data-testid="item-points">{item.cell.points ?? 0}</span> / {item.points}
            {item.cell.late && " (late)"}
          </p>
          {item.kind === "LESSON" && item.lesson && (
            <p>
              <Link href={`/learn/${item.lesson.id}`}>Open the lesson</Link> and mark it complete there.
            </p>
          )}
          {item.questionSet && (
            <ItemQuestionSet
              itemId={item.id}
              passMark={item.questionSet.passMark}
              questions={item.questionSet.questions}
              closed={a.closed}
              latest={item.submissions[0] ? { score: item.submissions[0].score, submittedAt: item.submissions[0].submittedAt, outcomes: item.submissions[0].visible.map((c) => ({ caseId: c.id, name: c.name, passed: c.passed, points: c.points, message: c.message })) } : null}
            />
          )}
          {item.exercise && (
            <>
              <Markdown text={item.exercise.instructions} />
              <MonacoPreload />
              <ItemExercise itemId={item.id} exercise={item.exercise} closed={a.closed} submissions={item.submissions} />
              {item.submissions.length > 1 && (
                <details>
                  <summary>Earlier submissions ({item.submissions.length - 1})</summary>
                  <ul>
                    {item.submissions.slice(1).map((s) => (
                      <li key={s.id}>
                        <LocalTime value={s.submittedAt} />: {s.status === "GRADED" ? `${Math.round(s.score * 100)}% (${s.passed}/${s.total})` : s.status.toLowerCase()}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </>
          )}
        </section>
      ))}
    </div>
  );
}
