"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/practice", label: "Question bank" },
  { href: "/practice/drill", label: "Topic drills" },
  { href: "/practice/mock", label: "Mock interview" },
  { href: "/practice/review", label: "Review" },
  { href: "/practice/certification", label: "Certification" },
  { href: "/practice/stats", label: "Statistics" },
];

export function PracticeNav() {
  const pathname = usePathname();
  return (
    <nav className="practice-nav" aria-label="Practice">
      {LINKS.map((l) => {
        const active = l.href === "/practice" ? pathname === "/practice" || pathname.startsWith("/practice/questions") : pathname.startsWith(l.href);
        return (
          <Link key={l.href} href={l.href} aria-current={active ? "page" : undefined}>
            {l.label}
          </Link>
        );
      })}
    </nav>
  );
}
