"use client";

import type { PublicQuestion } from "@/app/_lib/questions/public";
import { AnswerPanel } from "../practice/answer-panel";
import { PracticeProvider, type PracticeHistory } from "../practice/practice-provider";

/** The quiz's questions, answerable (see quiz-list.tsx for why this, and its provider, load late). */
export function QuizQuestions({ questions, initial, signedIn }: { questions: PublicQuestion[]; initial: PracticeHistory | null; signedIn: boolean }) {
  return (
    <PracticeProvider initial={initial} signedIn={signedIn}>
      <div className="stack">
        {questions.map((q, i) => (
          <AnswerPanel key={q.id} question={q} mode="BROWSE" heading={<h3 className="quiz-heading">Question {i + 1} of {questions.length}</h3>} />
        ))}
      </div>
    </PracticeProvider>
  );
}
