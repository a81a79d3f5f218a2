import Link from "next/link";
import { requireUser, TEACHING_ROLES } from "../_server/authz";
import { db } from "../_server/db";

export const metadata = { title: "Classes" };

export default async function ClassesPage() {
  const user = await requireUser("/classes");
  const enrollments = await (await db()).enrollment.findMany({
    where: { userId: user.id, classroom: { archivedAt: null } },
    include: { classroom: { include: { teacher: { select: { name: true, email: true } } } } },
    orderBy: { joinedAt: "desc" },
  });
  const teaches = (TEACHING_ROLES as readonly string[]).includes(user.role);
  return (
    <div className="container page">
      <h1>Classes</h1>
      {teaches && (
        <p>
          <Link href="/classes/teaching">Classes you teach →</Link>
        </p>
      )}
      <h2>Classes you have joined</h2>
      {enrollments.length === 0 ? (
        <p className="muted">You have not joined a class yet. Your teacher will give you a join code or link.</p>
      ) : (
        <ul className="grid" style={{ listStyle: "none", padding: 0 }}>
          {enrollments.map(({ classroom }) => (
            <li key={classroom.id} className="card">
              <h3>{classroom.name}</h3>
              {classroom.description && <p>{classroom.description}</p>}
              <p className="muted">Teacher: {classroom.teacher.name ?? classroom.teacher.email}</p>
            </li>
          ))}
        </ul>
      )}
      <p className="muted" style={{ marginTop: "2rem" }}>
        Joining with a code, assignments and grades are coming in a later release.
      </p>
    </div>
  );
}
