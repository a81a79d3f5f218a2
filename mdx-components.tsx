import type { MDXComponents } from "mdx/types";
import { Callout } from "./app/_components/lesson/callout";
import { Diagram } from "./app/_components/lesson/diagram";
import { Quiz } from "./app/_components/lesson/quiz";
import { Exercise } from "./app/_components/exercise/exercise";
import { ServiceSimulator } from "./app/_components/service-simulator/service-simulator";
import { Simulator } from "./app/_components/simulator/simulator";

// The components lessons may use (see content/lessons/README.md), available without imports.
export function useMDXComponents(components: MDXComponents): MDXComponents {
  return { ...components, Callout, Diagram, Simulator, ServiceSimulator, Exercise, Quiz };
}
