import { LocalMockPage } from "@/app/_components/practice/mock";
import { practiceCatalog } from "@/app/_server/practice/catalog";

export const metadata = { title: "Mock interview" };

/** A signed-out learner's interview: kept in this browser, graded on the server at the end. */
export default function LocalMockInterviewPage() {
  const { topics, lessonTitles } = practiceCatalog();
  return (
    <>
      <h1>Mock interview</h1>
      <LocalMockPage topicTitles={Object.fromEntries(topics.map((t) => [t.id, t.title]))} lessonTitles={lessonTitles} />
    </>
  );
}
