import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "./_components/site-header";
import { ThemeProvider } from "./_components/theme-provider";
import { getSessionUser } from "./_server/auth";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Lambda Lab — learn AWS Lambda by running it", template: "%s · Lambda Lab" },
  description:
    "Interactive lessons on AWS Lambda architecture with a faithful in-browser simulator, interview practice and classrooms.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0e1116" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  return (
    // next-themes sets data-theme before paint; the attribute differs from the server's render.
    <html lang="en" suppressHydrationWarning>
      <body>
        <ThemeProvider>
          <a className="skip-link" href="#main">
            Skip to content
          </a>
          <SiteHeader user={user} />
          <main id="main" tabIndex={-1}>
            {children}
          </main>
          <footer className="site-footer">
            <div className="container">
              Lambda Lab is self-hosted and open: your code runs in your browser, in a simulated Lambda service. Not affiliated with
              Amazon Web Services.
            </div>
          </footer>
        </ThemeProvider>
      </body>
    </html>
  );
}
