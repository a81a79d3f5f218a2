"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { DueBadge } from "./practice/due-badge";

export const SECTIONS = [
  { href: "/learn", label: "Learn", soon: false },
  { href: "/practice", label: "Practice", soon: false },
  { href: "/playground", label: "Playground", soon: true },
  { href: "/classes", label: "Classes", soon: false },
] as const;

/** The main navigation; on narrow screens a button shows and hides it. */
export function NavLinks() {
  const pathname = usePathname();
  // Open for one page only: navigating elsewhere closes it, with no effect needed.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  return (
    <>
      <button
        type="button"
        className="icon-button nav-toggle"
        aria-expanded={open}
        aria-controls="main-nav"
        onClick={() => setOpenOn(open ? null : pathname)}
      >
        <span aria-hidden="true">☰</span>
        <span className="sr-only">Menu</span>
      </button>
      <nav id="main-nav" className="main-nav" aria-label="Main" data-open={open}>
        {SECTIONS.map((s) => {
          const active = pathname === s.href || pathname.startsWith(`${s.href}/`);
          return (
            <Link key={s.href} href={s.href} aria-current={active ? "page" : undefined}>
              {s.label}
              {s.soon && <span className="soon">soon</span>}
              {s.href === "/practice" && <DueBadge />}
            </Link>
          );
        })}
      </nav>
    </>
  );
}
