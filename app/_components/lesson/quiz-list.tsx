"use client";

import type { PublicQuestion } from "@/app/_lib/questions/public";
import { AnswerPanel } from "../practice/answer-panel";

export function QuizList({ questions }: { questions: PublicQuestion[] }) {
  return (
    <div className="stack">
      {questions.map((q, i) => (
        <AnswerPanel key={q.id} question={q} mode="BROWSE" heading={<h3 className="quiz-heading">Question {i + 1} of {questions.length}</h3>} />
      ))}
    </div>
  );
}
