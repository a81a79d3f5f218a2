/** `lambda-lab invoke --template …` goes to simulate.ts; checked without loading it. */
export function isTemplateInvoke(argv: readonly string[]): boolean {
  return argv.some((a) => a === "--template" || a.startsWith("--template="));
}
