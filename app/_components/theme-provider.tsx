"use client";

import { ThemeProvider as NextThemes } from "next-themes";
import type { ReactNode } from "react";

/** Light and dark themes: follows the system until the user picks one, then remembers it. */
export function ThemeProvider({ children }: { children: ReactNode }) {
  return (
    <NextThemes attribute="data-theme" defaultTheme="system" enableSystem storageKey="lambda-lab-theme" disableTransitionOnChange>
      {children}
    </NextThemes>
  );
}
