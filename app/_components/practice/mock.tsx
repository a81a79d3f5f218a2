"use client";

/**
 * Mock interviews in the browser: the setup form, the timed runner (no feedback until the end;
 * every answer saved as it is given, so a reload or a closed tab resumes where it was) and the
 * results (score by topic, each answer reviewed, lessons for weak topics, retry the missed ones).
 * Signed in, the server keeps the interview; signed out, this browser does.
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { PublicQuestion } from "@/app/_lib/questions/public";
import type { MockResults as Results } from "@/app/_server/practice/mock";
import type { TopicInfo } from "@/app/_server/practice/catalog";
import {
  MOCK_LENGTHS,
  MOCK_MINUTES,
  resumePoint,
} from "@/app/practice/_lib/mock";
import { api } from "./api";
import { QuestionMeta } from "./drill";
import {
  readLocalMock,
  readMockPosition,
  writeLocalMock,
  writeMockPosition,
  type LocalMock,
} from "./local-store";
import { usePractice } from "./practice-provider";
import { draftFrom, emptyDraft, toAnswer, type Draft } from "./draft";
import { Feedback, QuestionBody } from "./question";

interface StartResponse {
  id: string;
  local: boolean;
  config: LocalMock["config"];
  questionIds: string[];
  startedAt: string;
  endsAt: string;
  questions: PublicQuestion[];
}

export function MockSetup({ topics }: { topics: TopicInfo[] }) {
  const router = useRouter();
  const [length, setLength] = useState<number>(10);
  const [minutes, setMinutes] = useState<number>(15);
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [localMock, setLocalMock] = useState<LocalMock | null>(null);

  useEffect(() => {
    // Also signed in: an interview started before signing in can still be finished (and is then recorded).
    setLocalMock(readLocalMock()); // eslint-disable-line react-hooks/set-state-in-effect -- localStorage after hydration
  }, []);

  const start = async () => {
    setBusy(true);
    setError(null);
    const r = await api<StartResponse>(
      "/api/practice/mock",
      { length, minutes, topics: chosen },
      { retries: 0 },
    );
    if (!r.ok) {
      setBusy(false);
      setError(r.error);
      return;
    }
    if (r.data.local) {
      writeLocalMock({ ...r.data, answers: {}, finishedAt: null });
      router.push("/practice/mock/local");
    } else router.push(`/practice/mock/${r.data.id}`);
  };

  const resumable =
    localMock &&
    !localMock.finishedAt &&
    resumePoint(localMock, new Date()).phase !== "results";
  return (
    <>
      {resumable && (
        <p className="alert success">
          You have an interview in progress.{" "}
          <Link href="/practice/mock/local">Resume it</Link>
        </p>
      )}
      {localMock?.finishedAt && (
        <p>
          <Link href="/practice/mock/local">
            See your last interview’s results
          </Link>
        </p>
      )}
      <form
        className="setup-form card"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <fieldset>
          <legend>Length</legend>
          <div className="options">
            {MOCK_LENGTHS.map((n) => (
              <label key={n}>
                <input
                  type="radio"
                  name="length"
                  checked={length === n}
                  onChange={() => setLength(n)}
                />{" "}
                {n} questions
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>Time limit</legend>
          <div className="options">
            {MOCK_MINUTES.map((m) => (
              <label key={m}>
                <input
                  type="radio"
                  name="minutes"
                  checked={minutes === m}
                  onChange={() => setMinutes(m)}
                />{" "}
                {m} min
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>Topics (none chosen: all)</legend>
          <div className="options">
            {topics.map((t) => (
              <label key={t.id}>
                <input
                  type="checkbox"
                  checked={chosen.includes(t.id)}
                  onChange={(e) =>
                    setChosen((c) =>
                      e.target.checked
                        ? [...c, t.id]
                        : c.filter((x) => x !== t.id),
                    )
                  }
                />{" "}
                {t.title}
              </label>
            ))}
          </div>
        </fieldset>
        <p className="muted">
          Coding questions are left out of mock interviews; practise them in
          drills and the bank.
        </p>
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Starting…" : "Start the interview"}
        </button>
        {error && (
          <p className="alert error" role="alert">
            {error}
          </p>
        )}
      </form>
    </>
  );
}

function formatTime(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

interface RunnerProps {
  id: string;
  questions: PublicQuestion[];
  answers: Record<string, unknown>;
  endsAt: string;
  topicTitles: Record<string, string>;
  /** Saves one answer; resolves to an error message or null. */
  save: (questionId: string, answer: unknown) => Promise<string | null>;
  finish: () => Promise<string | null>;
}

export function MockRunner({
  id,
  questions,
  answers: initialAnswers,
  endsAt,
  topicTitles,
  save,
  finish,
}: RunnerProps) {
  const ids = questions.map((q) => q.id);
  const [answers, setAnswers] =
    useState<Record<string, unknown>>(initialAnswers);
  const [index, setIndex] = useState(0);
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(
      questions.map((q) => [
        q.id,
        initialAnswers[q.id]
          ? draftFrom(q, initialAnswers[q.id])
          : emptyDraft(q),
      ]),
    ),
  );
  const [remaining, setRemaining] = useState<number | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [finishing, setFinishing] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const finished = useRef(false);

  // Resume at the question the learner was on (or the first unanswered one).
  useEffect(() => {
    const point = resumePoint(
      { questionIds: ids, answers: initialAnswers, endsAt, finishedAt: null },
      new Date(),
      readMockPosition(id),
    );
    if (point.phase === "running") setIndex(point.index); // eslint-disable-line react-hooks/set-state-in-effect -- the position lives in localStorage
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on mount
  }, []);

  const q = questions[index]!;
  const draft = drafts[q.id]!;

  // An ordering question always has an order; it counts as answered only once the learner moved
  // something, or chose "Save and next" on it.
  const [touched, setTouched] = useState<ReadonlySet<string>>(
    () => new Set(Object.keys(initialAnswers)),
  );
  const saveCurrent = useCallback(
    async (explicit = false) => {
      const answer = toAnswer(q, draft);
      if (
        answer === null ||
        !(explicit || touched.has(q.id)) ||
        JSON.stringify(answer) === JSON.stringify(answers[q.id])
      )
        return true;
      const err = await save(q.id, answer);
      if (err) {
        setError(err);
        return false;
      }
      setError(null);
      setAnswers((a) => ({ ...a, [q.id]: answer }));
      setStatus(`Answer to question ${index + 1} saved.`);
      return true;
    },
    [q, draft, answers, save, index, touched],
  );

  const doFinish = useCallback(async () => {
    if (finished.current) return;
    finished.current = true;
    setFinishing(true);
    await saveCurrent().catch(() => false);
    const err = await finish();
    if (err) {
      finished.current = false;
      setFinishing(false);
      setError(err);
    }
  }, [saveCurrent, finish]);

  useEffect(() => {
    const tick = () => {
      const left = new Date(endsAt).getTime() - Date.now();
      setRemaining(left);
      if (left <= 0) void doFinish();
    };
    tick();
    const t = setInterval(tick, 1000);
    return () => clearInterval(t);
  }, [endsAt, doFinish]);

  const go = async (to: number, explicit = false) => {
    if (!(await saveCurrent(explicit))) return;
    setIndex(to);
    writeMockPosition(id, to);
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  const unanswered = ids.filter(
    (x) =>
      !(x in answers) &&
      !(x === q.id && touched.has(q.id) && toAnswer(q, draft) !== null),
  ).length;
  return (
    <div className="mock">
      <div className="mock-bar">
        <span>
          Question {index + 1} of {questions.length} ·{" "}
          {Object.keys(answers).length} answered
        </span>
        <span
          className={`timer${remaining !== null && remaining < 60_000 ? " timer-low" : ""}`}
          role="timer"
          aria-label="Time left"
        >
          {remaining === null ? "–:––" : formatTime(remaining)} left
        </span>
      </div>
      <nav aria-label="Questions">
        <ol className="mock-dots">
          {questions.map((x, i) => (
            <li key={x.id}>
              <button
                type="button"
                data-answered={x.id in answers}
                aria-current={i === index ? "step" : undefined}
                onClick={() => void go(i)}
                aria-label={`Question ${i + 1}${x.id in answers ? ", answered" : ""}`}
              >
                {i + 1}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <section className="practice-question card" aria-labelledby="mock-q">
        <h2 id="mock-q" ref={headingRef} tabIndex={-1}>
          Question {index + 1}
        </h2>
        <QuestionMeta question={q} topicTitle={topicTitles[q.topic]} />
        <QuestionBody
          key={q.id}
          question={q}
          draft={draft}
          onChange={(d) => {
            setDrafts((s) => ({ ...s, [q.id]: d }));
            setTouched((t) => new Set(t).add(q.id));
          }}
          locked={finishing}
        />
        <div className="practice-actions">
          {index > 0 && (
            <button
              type="button"
              className="button secondary"
              onClick={() => void go(index - 1)}
              disabled={finishing}
            >
              Previous
            </button>
          )}
          {index + 1 < questions.length && (
            <button
              type="button"
              className="button"
              onClick={() => void go(index + 1, true)}
              disabled={finishing}
            >
              Save and next
            </button>
          )}
          <button
            type="button"
            className={
              index + 1 < questions.length ? "button secondary" : "button"
            }
            onClick={() => void doFinish()}
            disabled={finishing}
          >
            {finishing ? "Grading…" : "Finish and see results"}
          </button>
          {unanswered > 0 && (
            <span className="muted">{unanswered} unanswered</span>
          )}
        </div>
      </section>
      <p className="sr-only" aria-live="polite">
        {status}
      </p>
      {error && (
        <p className="alert error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function MockResultsView({
  results,
  topicTitles,
  lessonTitles,
}: {
  results: Results;
  topicTitles: Record<string, string>;
  lessonTitles: Record<string, string>;
}) {
  const s = results.score;
  const weak = s.byTopic.filter((t) => s.weakTopics.includes(t.topic));
  return (
    <div className="mock-results">
      <h2>
        Your score: {Math.round(s.score * 100)}% ({s.correct} of {s.questions}{" "}
        right, {s.answered} answered)
      </h2>
      <table className="table">
        <caption className="practice-label" style={{ textAlign: "left" }}>
          Score by topic
        </caption>
        <thead>
          <tr>
            <th scope="col">Topic</th>
            <th scope="col">Questions</th>
            <th scope="col">Right</th>
            <th scope="col">Score</th>
          </tr>
        </thead>
        <tbody>
          {s.byTopic.map((t) => (
            <tr key={t.topic}>
              <th scope="row">{topicTitles[t.topic] ?? t.topic}</th>
              <td>{t.questions}</td>
              <td>{t.correct}</td>
              <td>{Math.round(t.score * 100)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
      {weak.length > 0 && (
        <section aria-labelledby="weak">
          <h3 id="weak">Study next</h3>
          <ul>
            {weak.map((t) => (
              <li key={t.topic}>
                {topicTitles[t.topic] ?? t.topic}:{" "}
                {t.lessons.map((l, i) => (
                  <span key={l}>
                    {i > 0 && ", "}
                    <Link href={`/learn/${l}`}>{lessonTitles[l] ?? l}</Link>
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="practice-actions">
        {s.missed.length > 0 && (
          <Link
            className="button"
            href={`/practice/drill?ids=${s.missed.join(",")}`}
          >
            Retry the {s.missed.length} I missed
          </Link>
        )}
        <Link className="button secondary" href="/practice/mock">
          New mock interview
        </Link>
      </div>
      <h3>Every answer, reviewed</h3>
      {results.items.map((it, i) => (
        <section
          key={it.question.id}
          className="practice-question card"
          aria-label={`Question ${i + 1}`}
        >
          <h4 style={{ margin: "0 0 0.4rem" }}>Question {i + 1}</h4>
          <QuestionMeta
            question={it.question}
            topicTitle={topicTitles[it.question.topic]}
          />
          <QuestionBody
            question={it.question}
            draft={draftFrom(it.question, it.answer)}
            onChange={() => {}}
            locked
            reveal={it.reveal}
          />
          <Feedback
            question={it.question}
            result={it.result}
            reveal={it.reveal}
          />
        </section>
      ))}
    </div>
  );
}

/** A signed-in learner's interview (kept on the server). */
export function ServerMock(props: {
  id: string;
  questions: PublicQuestion[];
  answers: Record<string, unknown>;
  endsAt: string;
  topicTitles: Record<string, string>;
}) {
  const router = useRouter();
  return (
    <MockRunner
      {...props}
      save={async (questionId, answer) => {
        const r = await api(`/api/practice/mock/${props.id}/answer`, {
          questionId,
          answer,
        });
        return r.ok ? null : r.error;
      }}
      finish={async () => {
        const r = await api(`/api/practice/mock/${props.id}/finish`, {});
        if (!r.ok) return r.error;
        router.refresh();
        return null;
      }}
    />
  );
}

/** A signed-out learner's interview (kept in this browser). */
export function LocalMockPage({
  topicTitles,
  lessonTitles,
}: {
  topicTitles: Record<string, string>;
  lessonTitles: Record<string, string>;
}) {
  const practice = usePractice();
  const [mock, setMock] = useState<LocalMock | null | undefined>(undefined);
  useEffect(() => setMock(readLocalMock()), []); // eslint-disable-line react-hooks/set-state-in-effect -- localStorage after hydration

  if (mock === undefined) return <p role="status">Loading your interview…</p>;
  if (mock === null)
    return (
      <p>
        There is no interview in this browser.{" "}
        <Link href="/practice/mock">Set one up</Link>.
      </p>
    );
  if (mock.finishedAt && mock.results)
    return (
      <MockResultsView
        results={mock.results as Results}
        topicTitles={topicTitles}
        lessonTitles={lessonTitles}
      />
    );
  return (
    <MockRunner
      id={mock.id}
      questions={mock.questions as PublicQuestion[]}
      answers={mock.answers}
      endsAt={mock.endsAt}
      topicTitles={topicTitles}
      save={async (questionId, answer) => {
        const current = readLocalMock();
        if (!current || current.id !== mock.id)
          return "This interview is no longer in this browser.";
        current.answers[questionId] = answer;
        writeLocalMock(current);
        return null;
      }}
      finish={async () => {
        const current = readLocalMock() ?? mock;
        const r = await api<Results>("/api/practice/mock/grade", {
          id: current.id,
          questionIds: current.questionIds,
          answers: current.answers,
        });
        if (!r.ok) return r.error;
        const at = new Date().toISOString();
        const attempts = r.data.items.flatMap((it, i) =>
          it.result && it.answer
            ? [
                {
                  id: `mock_${current.id.slice("local-".length)}_${i}`,
                  questionId: it.question.id,
                  answer: it.answer,
                  correct: it.result.correct,
                  score: it.result.score,
                  durationMs: null,
                  mode: "MOCK" as const,
                  at,
                },
              ]
            : [],
        );
        for (const a of attempts) practice.addAttempt(a);
        // Started signed out, finished signed in: the server records it (re-grading it) like any merge.
        if (practice.signedIn && attempts.length) {
          await api("/api/practice/merge", {
            attempts: attempts.map(
              ({ id, questionId, answer, durationMs, mode, at: when }) => ({
                id,
                questionId,
                answer,
                durationMs,
                mode,
                at: when,
              }),
            ),
            cards: [],
          });
        }
        const done = { ...current, finishedAt: at, results: r.data };
        writeLocalMock(done);
        setMock(done);
        return null;
      }}
    />
  );
}
