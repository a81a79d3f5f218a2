import { requireRole, TEACHING_ROLES } from "../../_server/authz";
import { db } from "../../_server/db";

export const metadata = { title: "Teaching" };

/** Teachers only: refused with 403 on the server for everyone else. */
export default async function TeachingPage() {
  const user = await requireRole(TEACHING_ROLES, "/classes/teaching");
  const classes = await (await db()).classroom.findMany({
    where: { teacherId: user.id },
    include: { _count: { select: { enrollments: true } } },
    orderBy: { createdAt: "asc" },
  });
  return (
    <div className="container page">
      <h1>Classes you teach</h1>
      {classes.length === 0 ? (
        <p className="muted">You have no classes yet. Creating classes and assignments is coming in a later release.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Class</th>
              <th scope="col">Join code</th>
              <th scope="col">Students</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {classes.map((c) => (
              <tr key={c.id}>
                <td>{c.name}</td>
                <td>
                  <code>{c.joinCode}</code>
                  {!c.joinCodeEnabled && <span className="muted"> (disabled)</span>}
                </td>
                <td>{c._count.enrollments}</td>
                <td>{c.archivedAt ? "Archived" : "Active"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
