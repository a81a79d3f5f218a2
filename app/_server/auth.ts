/**
 * Authentication (next-auth 4): email + password through the credentials provider, GitHub and
 * Google when their variables are set, JWT sessions carrying the user's id and role.
 * OAuth sign-ins are linked to a User row by email here, without a database adapter.
 */
import "server-only";
import type { NextAuthOptions, Session } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { connection } from "next/server";
import { cache } from "react";
import type { Role } from "@/prisma/generated/enums";
import { normaliseEmail, signInErrorMessage, verifyCredentials } from "./accounts";
import { db } from "./db";
import { env, type Env } from "./env";

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
}

declare module "next-auth" {
  interface Session {
    user: SessionUser;
  }
  interface User {
    role?: Role;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
  }
}

/** The client's address as the first proxy saw it (for the per-IP sign-in limit). */
function clientIp(headers: Record<string, string | string[] | undefined> | undefined): string | null {
  const forwarded = headers?.["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  const real = headers?.["x-real-ip"];
  return first || (Array.isArray(real) ? real[0] : real) || null;
}

/** next-auth's options for a configuration (exported for tests). */
export function buildAuthOptions(config: Env): NextAuthOptions {
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const result = await verifyCredentials(await db(), {
          email: credentials?.email,
          password: credentials?.password,
          ip: clientIp(req?.headers),
        });
        // Thrown messages reach the sign-in form as `error` (next-auth's credentials contract).
        if (!result.ok) throw new Error(signInErrorMessage(result));
        return result.user;
      },
    }),
  ];
  if (config.GITHUB_ID && config.GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: config.GITHUB_ID, clientSecret: config.GITHUB_SECRET }));
  }
  if (config.GOOGLE_CLIENT_ID && config.GOOGLE_CLIENT_SECRET) {
    providers.push(GoogleProvider({ clientId: config.GOOGLE_CLIENT_ID, clientSecret: config.GOOGLE_CLIENT_SECRET }));
  }

  return {
    secret: config.AUTH_SECRET,
    session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
    pages: { signIn: "/signin", error: "/signin" },
    providers,
    callbacks: {
      async signIn({ user, account }) {
        if (!account || account.type === "credentials") return true;
        if (!user.email) return "/signin?error=OAuthNoEmail";
        // Link the OAuth identity to the account with the same (verified by the provider) email.
        const prisma = await db();
        const email = normaliseEmail(user.email);
        const row = await prisma.user.upsert({
          where: { email },
          update: {},
          create: { email, name: user.name ?? null, image: user.image ?? null, emailVerified: new Date() },
        });
        await prisma.account.upsert({
          where: { provider_providerAccountId: { provider: account.provider, providerAccountId: account.providerAccountId } },
          update: {},
          create: { userId: row.id, type: account.type, provider: account.provider, providerAccountId: account.providerAccountId },
        });
        user.id = row.id;
        user.role = row.role;
        return true;
      },
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = user.role ?? "LEARNER";
        }
        return token;
      },
      session({ session, token }) {
        session.user = {
          id: token.uid ?? "",
          email: token.email ?? "",
          name: token.name ?? null,
          role: token.role ?? "LEARNER",
        };
        return session;
      },
    },
  };
}

let options: NextAuthOptions | undefined;
export function authOptions(): NextAuthOptions {
  options ??= buildAuthOptions(env());
  return options;
}

/** Which OAuth providers are configured (for the sign-in page's buttons). */
export function oauthProviders(): Array<{ id: string; name: string }> {
  const config = env();
  return [
    ...(config.GITHUB_ID ? [{ id: "github", name: "GitHub" }] : []),
    ...(config.GOOGLE_CLIENT_ID ? [{ id: "google", name: "Google" }] : []),
  ];
}

/**
 * The signed-in user for server components, route handlers and actions, or null. Cached per
 * request. The role is re-read from the database so a changed or revoked role takes effect at
 * once, not when the token expires.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  await connection(); // per-request: never prerendered at build time (which has no secret)
  const session: Session | null = await getServerSession(authOptions());
  if (!session?.user?.id) return null;
  const user = await (await db()).user.findUnique({
    where: { id: session.user.id },
    select: { id: true, email: true, name: true, role: true },
  });
  return user;
});
