/**
 * <Exercise id>: a practice task from content/exercises. The server side renders the Markdown
 * instructions and hints and hands the client the spec without its reference solution.
 */
import Markdown from "react-markdown";
import remarkGfm from "remark-gfm";
import { exercises } from "@/app/_server/content/exercises";
import { MonacoPreload } from "../simulator/monaco-preload";
import { ExerciseClient } from "./exercise-client";

export function Exercise({ id }: { id: string }) {
  const entry = exercises().get(id);
  if (!entry) throw new Error(`<Exercise id="${id}">: no content/exercises/*/${id}.yaml`);
  const { solution: _solution, ...publicSpec } = entry.spec;
  return (
    <>
      <MonacoPreload />
      <ExerciseClient
        // The reference solution stays on the server; the schema wants one, so the stub stands in.
        spec={{ ...publicSpec, solution: publicSpec.stub }}
        instructions={<Markdown remarkPlugins={[remarkGfm]}>{entry.spec.instructions}</Markdown>}
        hints={entry.spec.hints.map((h, i) => (
          <Markdown key={i} remarkPlugins={[remarkGfm]}>
            {h}
          </Markdown>
        ))}
      />
    </>
  );
}
