import { CourseMap, type MapModule } from "../_components/lesson/course-map";
import { course } from "../_server/content/course";

export const metadata = { title: "Learn" };

export default function LearnPage() {
  const modules: MapModule[] = course()
    .modules.filter((m) => m.lessons.length > 0)
    .map((m) => ({
      id: m.id,
      number: m.number,
      title: m.title,
      lessons: m.lessons.map((l) => ({ id: l.id, href: `/learn/${l.id}`, title: l.title, minutes: l.minutes })),
    }));
  return (
    <div className="container page">
      <h1>The course</h1>
      <p className="lead muted" style={{ maxWidth: "44rem" }}>
        AWS Lambda from first principles to production patterns. Every lesson runs: change the code, send an event, and watch the
        simulated Lambda service answer.
      </p>
      <CourseMap modules={modules} />
    </div>
  );
}
