"use client";

/**
 * A date in the viewer's own time zone, with the zone named ("22 Nov 2026, 14:00 CET"). The server
 * does not know the zone, so the first render (server HTML) shows UTC and the browser replaces it.
 */
import { useEffect, useState } from "react";
import { formatDate } from "@/app/classes/_lib/format";

// Named fields, not dateStyle/timeStyle: Intl refuses timeZoneName beside those ("Can't set option
// timeZoneName when dateStyle is used"; Chromium: "Invalid option : option"), which broke the page.
const LOCAL_FORMAT: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" };

export function formatLocal(d: Date, timeZone?: string): string {
  return d.toLocaleString("en-GB", { ...LOCAL_FORMAT, ...(timeZone ? { timeZone } : {}) });
}

export function LocalTime({ value }: { value: Date | string | null | undefined }) {
  const date = value ? new Date(value) : null;
  const [text, setText] = useState(() => formatDate(date));
  const iso = date?.toISOString();
  useEffect(() => {
    if (iso) setText(formatLocal(new Date(iso))); // eslint-disable-line react-hooks/set-state-in-effect -- the zone is only known in the browser

  }, [iso]);
  if (!date) return <>—</>;
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {text}
    </time>
  );
}
