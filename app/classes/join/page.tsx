import { JoinForm } from "../../_components/classes/controls";
import { requireUser } from "../../_server/authz";

export const metadata = { title: "Join a class" };

/** /classes/join?code=XXXX: the join link a teacher shares (the code is filled in; the student confirms). */
export default async function JoinPage({ searchParams }: { searchParams: Promise<{ code?: string | string[] }> }) {
  const { code } = await searchParams;
  const initial = typeof code === "string" ? code.slice(0, 32) : "";
  await requireUser(initial ? `/classes/join?code=${encodeURIComponent(initial)}` : "/classes/join");
  return (
    <div className="container page stack">
      <h1>Join a class</h1>
      <p>Enter the join code your teacher gave you.</p>
      <JoinForm initialCode={initial} />
    </div>
  );
}
