"use client";

/**
 * The lesson quiz's interactive part, loaded only when the quiz nears the screen: answering uses
 * the practice components, which render the bank's Markdown in the browser (react-markdown and
 * GFM, ~45 KB gzipped) — too much to ship with every lesson page for a section at its very end.
 * Until then (and without JavaScript) the server-rendered questions stand in.
 */
import { useEffect, useRef, useState, type ComponentType, type ReactNode } from "react";
import type { PublicQuestion } from "@/app/_lib/questions/public";

type Questions = ComponentType<{ questions: PublicQuestion[] }>;

export function QuizList({ questions, preview }: { questions: PublicQuestion[]; preview: ReactNode }) {
  const [Loaded, setLoaded] = useState<Questions | null>(null);
  const frame = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    const start = () => {
      void import("./quiz-questions").then((m) => !cancelled && setLoaded(() => m.QuizQuestions));
    };
    const node = frame.current;
    if (!node || typeof IntersectionObserver === "undefined") {
      start();
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          start();
        }
      },
      { rootMargin: "800px" },
    );
    observer.observe(node);
    node.addEventListener("focusin", start, { once: true });
    return () => {
      cancelled = true;
      observer.disconnect();
      node.removeEventListener("focusin", start);
    };
  }, []);

  return <div ref={frame}>{Loaded ? <Loaded questions={questions} /> : preview}</div>;
}
