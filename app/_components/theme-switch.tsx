"use client";

import { useTheme } from "next-themes";
import { useSyncExternalStore } from "react";

const ORDER = ["system", "light", "dark"] as const;
type Choice = (typeof ORDER)[number];
const LABEL: Record<Choice, string> = { system: "System theme", light: "Light theme", dark: "Dark theme" };
const noop = () => () => {};
const ICON: Record<Choice, string> = { system: "◐", light: "☀", dark: "☾" };

/** One button cycling system → light → dark; its label says the current choice and the next. */
export function ThemeSwitch() {
  const { theme, setTheme } = useTheme();
  // The stored theme is only known in the browser: render "system" on the server, then the choice.
  const mounted = useSyncExternalStore(noop, () => true, () => false);
  const current: Choice = mounted && ORDER.includes(theme as Choice) ? (theme as Choice) : "system";
  const next = ORDER[(ORDER.indexOf(current) + 1) % ORDER.length]!;
  return (
    <button
      type="button"
      className="icon-button"
      onClick={() => setTheme(next)}
      aria-label={`${LABEL[current]} (switch to ${LABEL[next].toLowerCase()})`}
      title={`${LABEL[current]} — switch to ${LABEL[next].toLowerCase()}`}
      data-testid="theme-switch"
    >
      <span aria-hidden="true">{ICON[current]}</span>
    </button>
  );
}
