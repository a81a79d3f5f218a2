// Scripts read .env / .env.local the way `next start` and `next dev` do, so one file configures both.
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd(), process.argv.includes("--dev"));
