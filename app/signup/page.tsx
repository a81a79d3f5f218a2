import Link from "next/link";
import { redirect } from "next/navigation";
import { getSessionUser } from "../_server/auth";
import { safeCallbackUrl } from "../_lib/safe-callback";
import { SignUpForm } from "./sign-up-form";

export const metadata = { title: "Create an account" };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function SignUpPage({ searchParams }: Props) {
  const returnTo = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getSessionUser()) redirect(returnTo);
  return (
    <div className="container page narrow">
      <h1>Create an account</h1>
      <p className="muted">An account keeps your course progress, practice history and classes. It is free.</p>
      <SignUpForm callbackUrl={returnTo} />
      <p className="muted" style={{ marginTop: "1.5rem" }}>
        Already have an account? <Link href={`/signin?callbackUrl=${encodeURIComponent(returnTo)}`}>Sign in</Link>.
      </p>
    </div>
  );
}
