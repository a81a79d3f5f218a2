"use client";

import Link from "next/link";
import { signOut } from "next-auth/react";
import { useRef } from "react";
import type { SessionUser } from "@/app/_server/auth";

/** Signed out: sign in / sign up. Signed in: the user's name opening a menu (a <details>, so it works by keyboard). */
export function AccountMenu({ user }: { user: SessionUser | null }) {
  const menu = useRef<HTMLDetailsElement>(null);
  if (!user) {
    return (
      <>
        <Link className="button secondary" href="/signin">
          Sign in
        </Link>
        <Link className="button hide-sm" href="/signup">
          Sign up
        </Link>
      </>
    );
  }
  const close = () => menu.current?.removeAttribute("open");
  return (
    <details className="menu" ref={menu} onKeyDown={(e) => e.key === "Escape" && close()}>
      <summary className="icon-button" aria-label={`Account menu for ${user.name ?? user.email}`} data-testid="account-menu">
        <span aria-hidden="true">●</span> {user.name ?? user.email}
      </summary>
      <div className="menu-panel">
        <div className="menu-head">
          <strong>{user.name ?? "Signed in"}</strong>
          <div className="muted">{user.email}</div>
        </div>
        <Link href="/dashboard" onClick={close}>
          Dashboard
        </Link>
        <Link href="/account" onClick={close}>
          Account
        </Link>
        <Link href="/classes" onClick={close}>
          My classes
        </Link>
        {(user.role === "TEACHER" || user.role === "ADMIN") && (
          <Link href="/classes/teaching" onClick={close}>
            Teaching
          </Link>
        )}
        <button type="button" onClick={() => void signOut({ callbackUrl: "/" })}>
          Sign out
        </button>
      </div>
    </details>
  );
}
