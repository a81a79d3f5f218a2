import Link from "next/link";
import { redirect } from "next/navigation";
import { oauthProviders, getSessionUser } from "../_server/auth";
import { safeCallbackUrl } from "../_lib/safe-callback";
import { SignInForm } from "./sign-in-form";

export const metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, error } = await searchParams;
  const returnTo = safeCallbackUrl(callbackUrl);
  if (await getSessionUser()) redirect(returnTo);
  return (
    <div className="container page narrow">
      <h1>Sign in</h1>
      <SignInForm callbackUrl={returnTo} providers={oauthProviders()} initialError={error ? describe(error) : null} />
      <p className="muted" style={{ marginTop: "1.5rem" }}>
        New here? <Link href={`/signup?callbackUrl=${encodeURIComponent(returnTo)}`}>Create an account</Link>.
      </p>
    </div>
  );
}

/** next-auth's error codes in words (OAuth failures arrive as ?error=…). */
function describe(code: string): string {
  if (code === "OAuthNoEmail") return "That provider did not share an email address, which Lambda Lab needs for your account.";
  if (code === "CredentialsSignin") return "Wrong email or password.";
  if (code.startsWith("OAuth") || code === "Callback") return "Signing in with that provider did not work. Please try again.";
  return code.length < 200 ? code : "Sign-in failed. Please try again.";
}
