/**
 * <Quiz ids>: questions from the bank inside a lesson, answered with immediate feedback and the
 * explanation. Answers are graded on the server and count as practice (attempts and review cards),
 * exactly as on /practice; the browser only ever receives the public form of a question.
 */
import Markdown from "react-markdown";
import remarkGfm from "remark-gfm";
import { toPublicQuestion } from "@/app/_lib/questions/public";
import { getSessionUser } from "@/app/_server/auth";
import { findQuestion } from "@/app/_server/content/questions";
import { db } from "@/app/_server/db";
import { practiceHistory } from "@/app/_server/practice/data";
import { QuizList } from "./quiz-list";
import "../practice/practice.css";

export async function Quiz({ ids, title = "Check your understanding" }: { ids: string[]; title?: string }) {
  const questions = ids.map((id) => {
    const q = findQuestion(id);
    if (!q) throw new Error(`<Quiz>: no question "${id}" in content/questions`);
    return toPublicQuestion(q, id);
  });
  const user = await getSessionUser();
  const initial = user ? await practiceHistory(await db(), user.id) : null;
  return (
    <section className="lesson-quiz" aria-labelledby="lesson-quiz-title">
      <h2 id="lesson-quiz-title">{title}</h2>
      <QuizList
        questions={questions}
        initial={initial}
        signedIn={user !== null}
        preview={
          <>
            <ol className="stack quiz-preview">
              {questions.map((q) => (
                <li key={q.id}>
                  <Markdown remarkPlugins={[remarkGfm]}>{q.prompt}</Markdown>
                </li>
              ))}
            </ol>
            <p className="muted">Loading the questions…</p>
          </>
        }
      />
    </section>
  );
}
