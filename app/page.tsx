import Link from "next/link";
import { EventFlowDiagram } from "./_components/event-flow-diagram";

export default function HomePage() {
  return (
    <div className="container">
      <section className="hero">
        <span className="badge">Self-hosted · runs in your browser</span>
        <h1>Learn AWS Lambda by running it.</h1>
        <p className="lead">
          Lambda Lab teaches serverless architecture with lessons you can execute: write a real handler, send it a realistic
          event, and watch a faithful simulation of the Lambda service answer — cold starts, timeouts, retries, logs and the bill.
        </p>
        <div className="hero-actions">
          <Link className="button" href="/learn">
            Start the course
          </Link>
          <Link className="button secondary" href="/practice">
            Practise for an interview
          </Link>
          <Link className="button secondary" href="/signup">
            Create a free account
          </Link>
        </div>
      </section>

      <section aria-labelledby="how" className="stack">
        <h2 id="how">What you will build a feel for</h2>
        <EventFlowDiagram />
        <p className="muted">
          An event source hands Lambda an event; Lambda runs your handler in an execution environment and passes the result on.
          Every lesson makes one part of that picture something you can change and run.
        </p>
      </section>

      <section aria-labelledby="who" className="page">
        <h2 id="who">Where to start</h2>
        <div className="grid">
          <article className="card">
            <h3>Learning Lambda</h3>
            <p>
              Nine modules from “what is serverless” to production patterns. No AWS account needed, and no account needed here to
              begin: sign up to keep your progress.
            </p>
            <p>
              <Link href="/learn">Open the course map</Link>
            </p>
          </article>
          <article className="card">
            <h3>Preparing for an interview</h3>
            <p>
              A question bank with explanations, mock interviews against the clock, and spaced repetition that brings back what you
              got wrong.
            </p>
            <p>
              <Link href="/practice">Start practising</Link>
            </p>
          </article>
          <article className="card">
            <h3>Teaching a class</h3>
            <p>
              Create a class, share its join code, hand out assignments that are graded automatically in the browser and verified
              on the server.
            </p>
            <p>
              <Link href="/classes">Go to Classes</Link> — try the demo teacher <code>teacher@example.com</code> /{" "}
              <code>lambda-lab-teacher</code>.
            </p>
          </article>
        </div>
      </section>
    </div>
  );
}
