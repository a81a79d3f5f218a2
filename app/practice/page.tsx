import { ComingSoon } from "../_components/coming-soon";

export const metadata = { title: "Practice" };

export default function PracticePage() {
  return (
    <ComingSoon title="Interview practice">
      <p>
        A bank of over 200 questions on Lambda architecture — choice, ordering, short answer, “predict the output” and coding
        questions graded on the simulator — with topic drills, timed mock interviews and a spaced-repetition review queue.
      </p>
    </ComingSoon>
  );
}
