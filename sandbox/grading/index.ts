/**
 * Exercise grading: the exercise format (zod schema) shared by code questions, lesson exercises and
 * teachers' exercises, and the grader that runs a learner's files against it on the simulator.
 *
 * @example
 * import { gradeExercise, parseExerciseSpec } from "sandbox/grading";
 * const spec = parseExerciseSpec(yamlData);
 * const report = await gradeExercise(spec, spec.solution);
 * report.allPassed; // true for a good reference solution
 */
export { gradeExercise, ExerciseSpecError, referenceOutcomes } from "./grade";
export { plannedInvocations } from "./plan";
export { caseSeed, draw, drawInputs, generatorSchema, newSeed, placeholders, randomInputsSchema, seededRandom, substitute } from "./random";
export type { Generator, Inputs, RandomInputs } from "./random";
export type { CaseResult, EventCatalogue, ExerciseReport, GradeOptions, ReferenceOutcome, ReferenceOutcomes } from "./grade";
export { runAssertion, ASSERT_DEADLINE_MS } from "./assert";
export { appLogMessages, runPrediction } from "./observe";
export type { Observation, PredictionRun, PredictionSetup } from "./observe";
export type { AssertionOutcome } from "./assert";
export { jsonEqual, jsonMatches } from "./match";
export { EventPathError, parseEventPath, setEventPath } from "./paths";
export {
  catalogueEventSchema,
  exerciseSpecSchema,
  expectationSchema,
  functionSettingsSchema,
  invocationSchema,
  formatIssues,
  InvalidExerciseError,
  parseExerciseSpec,
  sourceFilesSchema,
  stableId,
  testCaseSchema,
  textMatcherSchema,
} from "./spec";
export type { CatalogueEventRef, ExerciseSpec, ExerciseSpecInput, Expectation, FunctionSettings, Invocation, TestCase, TextMatcher } from "./spec";
