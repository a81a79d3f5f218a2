import { describe, expect, it } from "vitest";
import { ConfigurationError, parseEnv } from "./env";

const secret = "x".repeat(32);

describe("configuration", () => {
  it("refuses to start in production without AUTH_SECRET, naming the variable", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(ConfigurationError);
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/AUTH_SECRET: is required in production/);
  });

  it("accepts production with a secret and applies defaults", () => {
    const env = parseEnv({ NODE_ENV: "production", AUTH_SECRET: secret });
    expect(env).toMatchObject({ AUTH_SECRET: secret, PORT: 3000, TEACHER_SIGNUP: "open" });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("refuses a short secret", () => {
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET: must be at least 32 characters/);
  });

  it("requires both halves of an OAuth provider's credentials", () => {
    expect(() => parseEnv({ AUTH_SECRET: secret, GITHUB_ID: "id" })).toThrow(/GITHUB_SECRET: set both GITHUB_ID and GITHUB_SECRET/);
    expect(() => parseEnv({ AUTH_SECRET: secret, GOOGLE_CLIENT_SECRET: "s" })).toThrow(/GOOGLE_CLIENT_ID/);
    expect(parseEnv({ AUTH_SECRET: secret, GITHUB_ID: "id", GITHUB_SECRET: "s" }).GITHUB_ID).toBe("id");
  });

  it("reports every bad variable at once", () => {
    const error = (() => {
      try {
        parseEnv({ NODE_ENV: "staging", PORT: "99999", TEACHER_SIGNUP: "maybe", AUTH_SECRET: secret });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toMatch(/NODE_ENV/);
    expect(error?.message).toMatch(/PORT/);
    expect(error?.message).toMatch(/TEACHER_SIGNUP/);
  });

  it("treats empty variables as unset", () => {
    expect(parseEnv({ AUTH_SECRET: secret, DATABASE_URL: "  ", GITHUB_ID: "" }).DATABASE_URL).toBeUndefined();
  });
});
