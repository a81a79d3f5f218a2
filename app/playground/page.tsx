import { ComingSoon } from "../_components/coming-soon";

export const metadata = { title: "Playground" };

export default function PlaygroundPage() {
  return (
    <ComingSoon title="Playground">
      <p>
        Wire several functions to event sources and services, load them with traffic, and watch concurrency, cold starts,
        throttles and cost as charts — the architecture patterns from the course, as templates you can change.
      </p>
    </ComingSoon>
  );
}
