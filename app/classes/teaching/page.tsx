import Link from "next/link";
import { CreateClassForm } from "../../_components/classes/controls";
import { listTeaching } from "../../_server/classes/classes";
import { guarded } from "../_lib/guard";

export const metadata = { title: "Teaching" };

/** Teachers only (403 for everyone else, on the server): their classes and a form for a new one. */
export default async function TeachingPage() {
  const classes = await guarded("/classes/teaching", listTeaching);
  return (
    <div className="container page stack">
      <h1>Classes you teach</h1>
      {classes.length === 0 ? (
        <p className="muted">You have no classes yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Class</th>
                <th scope="col">Join code</th>
                <th scope="col">Students</th>
                <th scope="col">Assignments</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {classes.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link href={`/classes/teaching/${c.id}`}>{c.name}</Link>
                  </td>
                  <td>
                    <code>{c.joinCode}</code>
                    {!c.joinCodeEnabled && <span className="muted"> (disabled)</span>}
                  </td>
                  <td>{c._count.enrollments}</td>
                  <td>{c._count.assignments}</td>
                  <td>{c.archivedAt ? "Archived" : "Active"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Create a class</h2>
      <CreateClassForm />
    </div>
  );
}
