/**
 * A small custom exercise like a teacher's (one visible test, one hidden), shared by the grading
 * queue's integration test and its benchmark.
 */
export const DOUBLE_IT_EXERCISE = `
id: double-it
title: Double it
instructions: Return \`event.n * 2\`.
function: { timeoutSeconds: 1 }
stub: { index.mjs: "export const handler = async (event) => 0;" }
solution: { index.mjs: "export const handler = async (event) => event.n * 2;" }
tests:
  - { id: doubles-two, name: doubles two, points: 1, event: { n: 2 }, expect: { response: 4 } }
  - { id: doubles-secret, name: doubles a secret number, points: 3, hidden: true, event: { n: 21 }, expect: { response: 42 } }
`;
