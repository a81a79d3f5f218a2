import { DailyLimit, ReviewSession } from "@/app/_components/practice/review";
import { practiceCatalog } from "@/app/_server/practice/catalog";

export const metadata = { title: "Review queue" };

export default function ReviewPage() {
  const { topics } = practiceCatalog();
  return (
    <>
      <h1>Review queue</h1>
      <p className="muted" style={{ maxWidth: "44rem" }}>
        Spaced repetition (FSRS): every question you answer comes back when you are about to forget it. Answer, then rate how well
        you knew it; the rating from your correctness and time is suggested.
      </p>
      <DailyLimit />
      <ReviewSession topicTitles={Object.fromEntries(topics.map((t) => [t.id, t.title]))} />
    </>
  );
}
