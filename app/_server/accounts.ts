/**
 * Accounts: sign-up and credential checks. Pure functions of a Prisma client, so integration
 * tests run them against a real database and the routes stay thin.
 */
import { z } from "zod";
import type { Role } from "@/prisma/generated/enums";
import type { Db } from "./db/client";
import { dummyHash, hashPassword, verifyPassword } from "./password";
import { checkLimits, recordAttempt, signInKeys } from "./rate-limit";

/** Emails are compared case-insensitively and without surrounding space. */
export function normaliseEmail(email: string): string {
  return email.normalize("NFKC").trim().toLowerCase();
}

export const signUpSchema = z.object({
  name: z.string().trim().min(1, "Enter your name").max(80, "Use at most 80 characters"),
  email: z
    .string()
    .trim()
    .max(254, "That email is too long")
    .pipe(z.email("Enter a valid email address"))
    .transform(normaliseEmail),
  password: z.string().min(8, "Use at least 8 characters").max(200, "Use at most 200 characters"),
});

export type SignUpInput = z.input<typeof signUpSchema>;

export interface PublicUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
}

export type SignUpResult =
  | { ok: true; user: PublicUser }
  | { ok: false; fieldErrors: Partial<Record<"name" | "email" | "password", string>> };

const publicFields = { id: true, email: true, name: true, role: true } as const;

export async function registerUser(prisma: Db, input: unknown): Promise<SignUpResult> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "email");
      fieldErrors[field] ??= issue.message;
    }
    return { ok: false, fieldErrors };
  }
  const { name, email, password } = parsed.data;
  const duplicate = { ok: false as const, fieldErrors: { email: "An account with this email already exists. Sign in instead." } };
  if (await prisma.user.findUnique({ where: { email }, select: { id: true } })) return duplicate;
  try {
    const user = await prisma.user.create({
      data: { name, email, passwordHash: await hashPassword(password) },
      select: publicFields,
    });
    return { ok: true, user };
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides.
    if ((error as { code?: string }).code === "P2002") return duplicate;
    throw error;
  }
}

export type SignInResult =
  | { ok: true; user: PublicUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

export async function verifyCredentials(
  prisma: Db,
  input: { email: unknown; password: unknown; ip: string | null },
  now = new Date(),
): Promise<SignInResult> {
  if (typeof input.email !== "string" || typeof input.password !== "string" || input.password.length > 200) {
    return { ok: false, reason: "invalid" };
  }
  const email = normaliseEmail(input.email);
  const keys = signInKeys(email, input.ip);
  const decision = await checkLimits(prisma, keys, now);
  if (!decision.allowed) return { ok: false, reason: "rate-limited", retryAfterSeconds: decision.retryAfterSeconds };

  const user = await prisma.user.findUnique({ where: { email }, select: { ...publicFields, passwordHash: true } });
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash()));
  await recordAttempt(prisma, keys, valid && user !== null, now);
  if (!valid || !user) return { ok: false, reason: "invalid" };
  const { passwordHash: _omit, ...rest } = user;
  return { ok: true, user: rest };
}

export function signInErrorMessage(result: Exclude<SignInResult, { ok: true }>): string {
  return result.reason === "rate-limited"
    ? `Too many sign-in attempts. Try again in ${result.retryAfterSeconds} s.`
    : "Wrong email or password.";
}
