"use server";

/**
 * The reference solution's outcomes for the browser's seed. The browser never gets an exercise's
 * solution, so for `sameAsSolution` cases it asks for the outcomes of the inputs it just drew; they
 * reveal answers for that seed only, and the server's own verification draws a seed of its own.
 */
import { z } from "zod";
import { exercises } from "@/app/_server/content/exercises";
import { serverGrader } from "@/app/_server/grading";
import type { ReferenceOutcomes } from "@/sandbox/grading";

const request = z.object({ exerciseId: z.string().min(1).max(100), seed: z.number().int().min(0).max(0xffffffff) });

/** Reference runs are course content (trusted, quick on the virtual clock); still, at most two at once per server. */
const MAX_CONCURRENT = 2;
let running = 0;
const waiting: Array<() => void> = [];

export async function exerciseReferences(input: unknown): Promise<{ ok: true; references: ReferenceOutcomes } | { ok: false; error: string }> {
  const parsed = request.safeParse(input);
  if (!parsed.success) return { ok: false, error: "That request is not valid." };
  const entry = exercises().get(parsed.data.exerciseId);
  if (!entry) return { ok: false, error: "There is no such exercise." };
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    // In the grading host (app/_server/grading): the engine is not bundled into the Next server.
    return { ok: true, references: await serverGrader().references(entry.spec, parsed.data.seed) };
  } catch {
    return { ok: false, error: "The reference solution could not be run just now. Try again." };
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}
