/**
 * The one place that reads `process.env` (STYLE.md point 1). Validated once, at start-up, with
 * zod: a bad configuration stops the server with a message that names the variable to fix.
 */
import { z } from "zod";
import { localAuthSecret } from "./local-secret";

const optional = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    /** postgresql://… for a server; pglite:<folder> or pglite:memory for the embedded database. */
    DATABASE_URL: optional,
    AUTH_SECRET: optional,
    /** The site's public URL (next-auth's NEXTAUTH_URL); defaults to http://localhost:$PORT. */
    NEXTAUTH_URL: optional,
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    GITHUB_ID: optional,
    GITHUB_SECRET: optional,
    GOOGLE_CLIENT_ID: optional,
    GOOGLE_CLIENT_SECRET: optional,
    /** "open": anyone may turn their account into a teacher account; "admin": only admins grant it. */
    TEACHER_SIGNUP: z.enum(["open", "admin"]).default("open"),
  })
  .superRefine((env, ctx) => {
    if (env.AUTH_SECRET !== undefined && env.AUTH_SECRET.length < 32) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "must be at least 32 characters (try: openssl rand -base64 32)" });
    }
    if (env.NODE_ENV === "production" && env.AUTH_SECRET === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message:
          "is required in production: set AUTH_SECRET to a random string of 32+ characters (openssl rand -base64 32). `npm start` sets one up for local use.",
      });
    }
    for (const [id, secret] of [
      ["GITHUB_ID", "GITHUB_SECRET"],
      ["GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET"],
    ] as const) {
      if ((env[id] === undefined) !== (env[secret] === undefined)) {
        ctx.addIssue({ code: "custom", path: [env[id] ? secret : id], message: `set both ${id} and ${secret}, or neither` });
      }
    }
  });

export type Env = z.infer<typeof schema> & { AUTH_SECRET: string };

export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

/** Parses an environment; exported for tests. Throws ConfigurationError naming each bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".") || "environment"}: ${i.message}`);
    throw new ConfigurationError(`Invalid configuration:\n${lines.join("\n")}\nSee .env.example for every variable.`);
  }
  const env = result.data;
  // Outside production a missing secret is generated once and kept in .data/ so sessions survive
  // restarts; production refuses to start without one (checked above).
  return { ...env, AUTH_SECRET: env.AUTH_SECRET ?? localAuthSecret() };
}

let cached: Env | undefined;

/** The validated environment of this process. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
