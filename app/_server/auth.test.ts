import { describe, expect, it } from "vitest";
import { buildAuthOptions } from "./auth";
import { parseEnv } from "./env";

const secret = "s".repeat(32);
const providerIds = (vars: Record<string, string>) => buildAuthOptions(parseEnv({ AUTH_SECRET: secret, ...vars })).providers.map((p) => p.id);

describe("authentication options", () => {
  it("offers email and password only, unless OAuth variables are set", () => {
    expect(providerIds({})).toEqual(["credentials"]);
    expect(providerIds({ GITHUB_ID: "id", GITHUB_SECRET: "s" })).toEqual(["credentials", "github"]);
    expect(providerIds({ GOOGLE_CLIENT_ID: "id", GOOGLE_CLIENT_SECRET: "s", GITHUB_ID: "g", GITHUB_SECRET: "s" })).toEqual(["credentials", "github", "google"]);
  });

  it("uses JWT sessions signed with AUTH_SECRET and the site's own sign-in page", () => {
    const options = buildAuthOptions(parseEnv({ AUTH_SECRET: secret }));
    expect(options.secret).toBe(secret);
    expect(options.session?.strategy).toBe("jwt");
    expect(options.pages?.signIn).toBe("/signin");
  });

  it("carries the user's id and role from sign-in into the token and the session", async () => {
    const { callbacks } = buildAuthOptions(parseEnv({ AUTH_SECRET: secret }));
    const token = (await callbacks!.jwt!({ token: { email: "t@example.com", name: "T" }, user: { id: "u1", role: "TEACHER" } } as never));
    expect(token).toMatchObject({ uid: "u1", role: "TEACHER" });
    const session = await callbacks!.session!({ session: { expires: "" }, token } as never);
    expect(session.user).toEqual({ id: "u1", email: "t@example.com", name: "T", role: "TEACHER" });
  });
});
