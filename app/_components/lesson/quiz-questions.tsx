"use client";

import type { PublicQuestion } from "@/app/_lib/questions/public";
import { AnswerPanel } from "../practice/answer-panel";

/** The quiz's questions, answerable (see quiz-list.tsx for why this is loaded late). */
export function QuizQuestions({ questions }: { questions: PublicQuestion[] }) {
  return (
    <div className="stack">
      {questions.map((q, i) => (
        <AnswerPanel key={q.id} question={q} mode="BROWSE" heading={<h3 className="quiz-heading">Question {i + 1} of {questions.length}</h3>} />
      ))}
    </div>
  );
}
