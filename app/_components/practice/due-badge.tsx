"use client";

/**
 * The number of review cards due today, next to "Practice" in the header. Signed in, asked of the
 * server; signed out, counted from this browser's cards. Hidden when nothing is due.
 */
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { dueQueue } from "@/app/practice/_lib/due";
import { api, localDayStart } from "./api";
import { readLocalPractice, readSettings } from "./local-store";
import "./practice.css";

function localDue(): number {
  const p = readLocalPractice();
  const since = localDayStart();
  const cards = Object.values(p.cards);
  return dueQueue(cards, new Date(), readSettings().dailyLimit, p.ratings.filter((r) => r.at >= since).length).length;
}

export function DueBadge() {
  const pathname = usePathname();
  const [due, setDue] = useState(0);
  useEffect(() => {
    let cancelled = false;
    const refresh = async () => {
      const since = localDayStart();
      const r = await api<{ signedIn: boolean; due?: number }>(`/api/practice/due?limit=${readSettings().dailyLimit}&since=${encodeURIComponent(since)}`, undefined, { retries: 0 });
      if (cancelled) return;
      if (r.ok && r.data.signedIn) setDue(r.data.due ?? 0);
      else setDue(localDue());
    };
    void refresh();
    const onChange = () => void refresh();
    window.addEventListener("lambda-lab-practice-changed", onChange);
    return () => {
      cancelled = true;
      window.removeEventListener("lambda-lab-practice-changed", onChange);
    };
  }, [pathname]);
  if (due <= 0) return null;
  return (
    <span className="due-badge" data-testid="due-badge">
      <span className="sr-only">, </span>
      {due}
      <span className="sr-only"> due for review</span>
    </span>
  );
}
