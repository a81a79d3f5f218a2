import Link from "next/link";
import { requireUser } from "../_server/authz";
import { course } from "../_server/content/course";
import { exercises } from "../_server/content/exercises";
import { db } from "../_server/db";
import { getProgress } from "../_server/progress";
import { practiceHistory } from "../_server/practice/data";
import { dueQueue } from "../practice/_lib/due";
import { streak } from "../practice/_lib/stats";
import { Table } from "../_components/lesson/table";

export const metadata = { title: "Your dashboard" };

function Bar({ value, label }: { value: number; label: string }) {
  return (
    <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(value * 100)}>
      <span style={{ width: `${Math.round(value * 100)}%` }} />
    </div>
  );
}

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  const prisma = await db();
  const progress = await getProgress(prisma, user.id);
  const submissions = await prisma.exerciseSubmission.findMany({
    where: { userId: user.id, verifiedBy: "SERVER" },
    select: { exerciseId: true, passed: true, total: true, score: true, submittedAt: true },
    orderBy: { submittedAt: "desc" },
    take: 200,
  });
  // Best verified result per exercise.
  const best = new Map<string, (typeof submissions)[number]>();
  for (const s of submissions) if (!best.has(s.exerciseId) || best.get(s.exerciseId)!.score < s.score) best.set(s.exerciseId, s);
  const practice = await practiceHistory(prisma, user.id);
  const answered = practice.attempts.length;
  const accuracy = answered ? practice.attempts.filter((a) => a.correct).length / answered : 0;
  const due = dueQueue(practice.cards, new Date(), Number.MAX_SAFE_INTEGER, 0).length;
  const c = course();
  const done = c.lessons.filter((l) => progress.statuses[l.id] === "COMPLETED").length;
  const passed = [...best.values()].filter((s) => s.passed === s.total).length;
  const lastLesson = c.lessons.find((l) => l.id === progress.lastVisited);
  const catalog = exercises();

  return (
    <div className="container page">
      <h1>Your dashboard</h1>
      <div className="grid">
        <section className="card" aria-labelledby="course-progress">
          <h2 id="course-progress">Course</h2>
          <p>
            <strong>{done}</strong> of {c.lessons.length} lessons completed
          </p>
          <Bar value={c.lessons.length ? done / c.lessons.length : 0} label="Course progress" />
          <p style={{ marginTop: "0.75rem" }}>{lastLesson ? <Link href={`/learn/${lastLesson.id}`}>Continue: {lastLesson.title}</Link> : <Link href="/learn">Start the course</Link>}</p>
        </section>
        <section className="card" aria-labelledby="exercise-progress">
          <h2 id="exercise-progress">Exercises</h2>
          <p>
            <strong>{passed}</strong> of {catalog.size} exercises passed (verified on the server)
          </p>
          <Bar value={catalog.size ? passed / catalog.size : 0} label="Exercises passed" />
        </section>
        <section className="card" aria-labelledby="practice-progress">
          <h2 id="practice-progress">Interview practice</h2>
          <p>
            <strong>{answered}</strong> answers · {Math.round(accuracy * 100)}% correct · streak {streak(practice.attempts, new Date(), 0)} day(s)
          </p>
          <Bar value={accuracy} label="Practice accuracy" />
          <p style={{ marginTop: "0.75rem" }}>
            <Link href="/practice/review">{due > 0 ? `${due} card(s) due for review` : "No cards due — practise something new"}</Link>
          </p>
        </section>
        <section className="card" aria-labelledby="export">
          <h2 id="export">Your data</h2>
          <p>Download everything you have done here — lessons, submissions with their code, practice answers — as JSON.</p>
          <a className="button secondary" href="/api/progress/export" download>
            Export progress (JSON)
          </a>
        </section>
      </div>

      <h2 style={{ marginTop: "2rem" }}>By module</h2>
      <Table
        columns={[{ header: "Module" }, { header: "Lessons completed" }, { header: "Progress", width: "40%" }]}
        rows={c.modules.filter((m) => m.lessons.length > 0)}
        rowKey={(m) => m.id}
        cells={(m) => {
          const n = m.lessons.filter((l) => progress.statuses[l.id] === "COMPLETED").length;
          return [`${m.number}. ${m.title}`, `${n} / ${m.lessons.length}`, <Bar key="bar" value={n / m.lessons.length} label={`Progress in ${m.title}`} />];
        }}
      />

      <h2 style={{ marginTop: "2rem" }}>Recent exercise results</h2>
      {best.size === 0 ? (
        <p className="muted">No submissions yet. Exercises are inside the lessons: submit one and its verified result appears here.</p>
      ) : (
        <Table
          columns={[{ header: "Exercise" }, { header: "Best result" }, { header: "Submitted" }]}
          rows={[...best.values()]}
          rowKey={(r) => r.exerciseId}
          cells={(r) => [
            catalog.get(r.exerciseId)?.spec.title ?? r.exerciseId,
            `${r.passed} / ${r.total} tests ${r.passed === r.total ? "✓" : ""}`,
            `${r.submittedAt.toISOString().slice(0, 16).replace("T", " ")} UTC`,
          ]}
        />
      )}
    </div>
  );
}
