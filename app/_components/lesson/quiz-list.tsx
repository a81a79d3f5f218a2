"use client";

/**
 * The lesson quiz's interactive part, loaded only when the quiz nears the screen: answering uses
 * the practice components, which render the bank's Markdown in the browser (react-markdown and
 * GFM, ~45 KB gzipped), and recording answers uses the practice context, whose review scheduler
 * brings ts-fsrs and zod (~40 KB gzipped) — too much to ship with every lesson page for a section at
 * its very end. Until then (and without JavaScript) the server-rendered questions stand in.
 */
import { useEffect, useRef, useState, type ComponentType, type ReactNode } from "react";
import type { PublicQuestion } from "@/app/_lib/questions/public";
import type { PracticeHistory } from "../practice/practice-provider";

interface Props {
  questions: PublicQuestion[];
  /** The signed-in learner's practice history (null signed out), for the practice context. */
  initial: PracticeHistory | null;
  signedIn: boolean;
  preview: ReactNode;
}

type Questions = ComponentType<Omit<Props, "preview">>;

export function QuizList({ preview, ...props }: Props) {
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

  return <div ref={frame}>{Loaded ? <Loaded {...props} /> : preview}</div>;
}
