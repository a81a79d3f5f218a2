import { ComingSoon } from "../_components/coming-soon";

export const metadata = { title: "Learn" };

export default function LearnPage() {
  return (
    <ComingSoon title="The course">
      <p>
        Nine modules covering every concept of Lambda architecture — the handler, the execution environment, invocation types
        and event sources, concurrency, security, observability, cost, and the architecture patterns — each lesson with
        diagrams, runnable examples on the simulator and exercises.
      </p>
      <p>Progress you make before signing in will be kept in your browser and merged into your account when you sign in.</p>
    </ComingSoon>
  );
}
