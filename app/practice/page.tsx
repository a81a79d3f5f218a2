import Link from "next/link";
import { BankBrowser, PracticeSummary } from "../_components/practice/browse";
import { practiceCatalog } from "../_server/practice/catalog";

export const metadata = { title: "Practice" };

export default function PracticePage() {
  const { bank, topics } = practiceCatalog();
  return (
    <>
      <h1>Interview practice</h1>
      <p className="muted" style={{ maxWidth: "44rem" }}>
        {bank.length} questions on Lambda architecture — choice, ordering, short answer, “predict the output” and code graded on the
        simulator. Answers are checked on the server; sign in to keep your history across devices.
      </p>
      <PracticeSummary />
      <div className="topic-grid">
        <div className="card">
          <h2 style={{ fontSize: "1.05rem" }}>Topic drills</h2>
          <p>A short set from one topic, with feedback after each answer.</p>
          <Link href="/practice/drill">Choose a topic</Link>
        </div>
        <div className="card">
          <h2 style={{ fontSize: "1.05rem" }}>Mock interview</h2>
          <p>Timed, across topics, no feedback until the end.</p>
          <Link href="/practice/mock">Set one up</Link>
        </div>
        <div className="card">
          <h2 style={{ fontSize: "1.05rem" }}>Review queue</h2>
          <p>Spaced repetition of what you have answered.</p>
          <Link href="/practice/review">Review now</Link>
        </div>
        <div className="card">
          <h2 style={{ fontSize: "1.05rem" }}>Certification</h2>
          <p>Readiness for AWS Developer – Associate (DVA-C02) by domain.</p>
          <Link href="/practice/certification">See readiness</Link>
        </div>
      </div>
      <BankBrowser bank={bank} topics={topics} />
    </>
  );
}
