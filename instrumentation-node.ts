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
