import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CompleteButton, LessonVisit } from "@/app/_components/lesson/lesson-progress";
import { Quiz } from "@/app/_components/lesson/quiz";
import { findQuestion } from "@/app/_server/content/questions";
import { course, findLesson } from "@/app/_server/content/course";

type Params = { module: string; lesson: string };

export function generateStaticParams(): Params[] {
  return course().lessons.map((l) => ({ module: l.moduleId, lesson: l.slug }));
}
export const dynamicParams = false;

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { module, lesson } = await params;
  const found = findLesson(module, lesson);
  return found ? { title: found.title, description: found.summary } : {};
}

/** Up to three of the lesson's questions that can be answered quickly (code questions live in /practice). */
function quizIds(ids: string[]): string[] {
  return ids.filter((id) => findQuestion(id)?.type !== "code").slice(0, 3);
}

export default async function LessonPage({ params }: { params: Promise<Params> }) {
  const { module, lesson: slug } = await params;
  const lesson = findLesson(module, slug);
  if (!lesson) notFound();
  const { default: Content } = (await import(`@/content/lessons/${lesson.file.replace(/\.mdx$/, "")}.mdx`)) as { default: () => React.ReactNode };
  const all = course().lessons;
  const index = all.findIndex((l) => l.id === lesson.id);
  const previous = all[index - 1];
  const next = all[index + 1];
  const mod = course().modules.find((m) => m.id === lesson.moduleId)!;

  return (
    <div className="container page">
      <LessonVisit lessonId={lesson.id} />
      <div className="lesson-layout">
        <article className="lesson-body">
          <nav className="breadcrumbs" aria-label="Breadcrumb">
            <Link href="/learn">Course</Link> › Module {mod.number}: {mod.title}
          </nav>
          <h1>{lesson.title}</h1>
          <p className="muted">{lesson.minutes} min</p>
          <section className="objectives card" aria-labelledby="objectives">
            <h2 id="objectives" style={{ fontSize: "1rem", margin: 0 }}>
              You will learn to
            </h2>
            <ul>
              {lesson.objectives.map((o) => (
                <li key={o}>{o}</li>
              ))}
            </ul>
          </section>
          <Content />
          <Quiz ids={quizIds(lesson.questions)} />
          <CompleteButton lessonId={lesson.id} />
          <nav className="lesson-nav" aria-label="Lessons">
            {previous ? (
              <Link href={`/learn/${previous.id}`} rel="prev">
                ← {previous.title}
              </Link>
            ) : (
              <span />
            )}
            {next ? (
              <Link href={`/learn/${next.id}`} rel="next">
                {next.title} →
              </Link>
            ) : (
              <Link href="/learn">Back to the course map</Link>
            )}
          </nav>
        </article>
        <nav className="lesson-toc" aria-label="On this page">
          <p style={{ fontWeight: 700, margin: "0 0 0.5rem" }}>On this page</p>
          <ol>
            {lesson.headings.map((h) => (
              <li key={h.anchor} className={`depth-${h.depth}`}>
                <a href={`#${h.anchor}`}>{h.text}</a>
              </li>
            ))}
          </ol>
        </nav>
      </div>
    </div>
  );
}
