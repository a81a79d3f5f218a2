"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";

type Field = "name" | "email" | "password";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
    setPending(true);
    setErrors({});
    setFormError(null);
    try {
      const response = await fetch("/api/signup", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(input) });
      const body = (await response.json().catch(() => ({}))) as { error?: string; fieldErrors?: Partial<Record<Field, string>> };
      if (!response.ok) {
        setErrors(body.fieldErrors ?? {});
        setFormError(body.fieldErrors ? null : (body.error ?? "Sign-up failed. Please try again."));
        return;
      }
      const result = await signIn("credentials", { redirect: false, email: input.email, password: input.password });
      if (!result?.ok) {
        router.push("/signin");
        return;
      }
      router.push(callbackUrl);
      router.refresh();
    } catch {
      setFormError("The server could not be reached. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  const field = (name: Field, label: string, type: string, autoComplete: string, hint?: string) => (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input
        id={name}
        name={name}
        type={type}
        autoComplete={autoComplete}
        required
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={[hint && `${name}-hint`, errors[name] && `${name}-error`].filter(Boolean).join(" ") || undefined}
      />
      {hint && (
        <p id={`${name}-hint`} className="muted" style={{ margin: 0, fontSize: "0.9rem" }}>
          {hint}
        </p>
      )}
      {errors[name] && (
        <p id={`${name}-error`} className="field-error">
          {errors[name]}
        </p>
      )}
    </div>
  );

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {formError && (
        <div className="alert error" role="alert">
          {formError}
        </div>
      )}
      {Object.keys(errors).length > 0 && (
        <div className="alert error" role="alert">
          Please correct the highlighted fields.
        </div>
      )}
      {field("name", "Name", "text", "name")}
      {field("email", "Email", "email", "email")}
      {field("password", "Password", "password", "new-password", "At least 8 characters.")}
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
