"use client";

/** Any unexpected server or render error: a calm message, a retry, never a stack trace. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="container page narrow">
      <h1>Something went wrong</h1>
      <p>The page could not be shown. Please try again; if it keeps happening, the site&apos;s logs have the details.</p>
      {error.digest && <p className="muted">Reference: {error.digest}</p>}
      <button className="button" type="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
