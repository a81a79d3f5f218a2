import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** Where a generated AUTH_SECRET is kept for local use (git-ignored with the embedded database). */
export const LOCAL_SECRET_FILE = join(process.cwd(), ".data", "auth-secret");

/**
 * Reads the locally generated auth secret, creating it on first use. Only for machines without a
 * configured AUTH_SECRET outside production (and for `npm start`, which passes it on).
 */
export function localAuthSecret(file = LOCAL_SECRET_FILE): string {
  try {
    const secret = readFileSync(/*turbopackIgnore: true*/ file, "utf8").trim();
    if (secret.length >= 32) return secret;
  } catch {
    // not created yet
  }
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(/*turbopackIgnore: true*/ dirname(file), { recursive: true });
  try {
    // "wx": if another process created it first, use theirs so both agree.
    writeFileSync(/*turbopackIgnore: true*/ file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    return secret;
  } catch {
    return readFileSync(/*turbopackIgnore: true*/ file, "utf8").trim();
  }
}
