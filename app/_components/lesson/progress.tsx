"use client";

/**
 * Lesson progress in the browser. Signed in: starts from the server's rows and saves through a
 * server action. Signed out: kept in localStorage, and merged into the account at the next
 * sign-in (then cleared), so nothing done before signing up is lost.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { resetLessonProgress, saveLessonProgress } from "@/app/learn/actions";

type Status = "STARTED" | "COMPLETED";
export interface ProgressState {
  statuses: Record<string, Status>;
  lastVisited: string | null;
}

interface ProgressApi extends ProgressState {
  signedIn: boolean;
  visit: (lessonId: string) => void;
  complete: (lessonId: string) => void;
  reset: (lessonId: string) => void;
}

const STORAGE_KEY = "lambda-lab-progress";
const Context = createContext<ProgressApi | null>(null);

function readLocal(): ProgressState {
  try {
    const value = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "null") as ProgressState | null;
    if (value && typeof value.statuses === "object") return value;
  } catch {
    // corrupt or unavailable storage: start afresh
  }
  return { statuses: {}, lastVisited: null };
}

function advance(state: ProgressState, lessonId: string, status: Status): ProgressState {
  const current = state.statuses[lessonId];
  const next = current === "COMPLETED" ? "COMPLETED" : status;
  return { statuses: { ...state.statuses, [lessonId]: next }, lastVisited: lessonId };
}

export function ProgressProvider({ initial, signedIn, children }: { initial: ProgressState | null; signedIn: boolean; children: ReactNode }) {
  const [state, setState] = useState<ProgressState>(initial ?? { statuses: {}, lastVisited: null });

  useEffect(() => {
    const local = readLocal();
    const entries = Object.entries(local.statuses).map(([lessonId, status]) => ({ lessonId, status }));
    if (!signedIn) {
      setState(local); // eslint-disable-line react-hooks/set-state-in-effect -- localStorage is only readable after hydration
      return;
    }
    if (entries.length === 0) return;
    setState((s) => entries.reduce((acc, e) => advance(acc, e.lessonId, e.status), s));
    void saveLessonProgress(entries).then((r) => r.ok && localStorage.removeItem(STORAGE_KEY));
  }, [signedIn]);

  const record = useCallback(
    (lessonId: string, status: Status) => {
      setState((s) => {
        const next = advance(s, lessonId, status);
        if (!signedIn) localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
        return next;
      });
      if (signedIn) void saveLessonProgress([{ lessonId, status }]);
    },
    [signedIn],
  );

  const reset = useCallback(
    (lessonId: string) => {
      setState((s) => {
        const { [lessonId]: _dropped, ...statuses } = s.statuses;
        const next = { statuses, lastVisited: s.lastVisited === lessonId ? null : s.lastVisited };
        if (!signedIn) localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
        return next;
      });
      if (signedIn) void resetLessonProgress(lessonId);
    },
    [signedIn],
  );

  const api = useMemo<ProgressApi>(
    () => ({ ...state, signedIn, visit: (id) => record(id, "STARTED"), complete: (id) => record(id, "COMPLETED"), reset }),
    [state, signedIn, record, reset],
  );
  return <Context.Provider value={api}>{children}</Context.Provider>;
}

export function useProgress(): ProgressApi {
  const api = useContext(Context);
  if (!api) throw new Error("useProgress() needs a <ProgressProvider> above it");
  return api;
}
