import { ConfigurationError, env } from "./app/_server/env";

try {
  env();
} catch (error) {
  if (error instanceof ConfigurationError) {
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

// Classrooms: grade submissions left in the queue (e.g. by a restart) without waiting for a new one.
// A failure here must not stop the server: the first submission starts the loop too.
try {
  const [{ startGradingWorker }, { db }] = await Promise.all([import("./app/_server/classes/queue"), import("./app/_server/db")]);
  startGradingWorker(db);
} catch (error) {
  console.warn("The grading queue did not start at boot; it starts with the first submission.", error);
}
