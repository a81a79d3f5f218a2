import { Statistics } from "@/app/_components/practice/insights";
import { practiceCatalog } from "@/app/_server/practice/catalog";

export const metadata = { title: "Practice statistics" };

export default function StatsPage() {
  const { bank, topics } = practiceCatalog();
  return (
    <>
      <h1>Statistics</h1>
      <Statistics bank={bank} topics={topics} />
    </>
  );
}
