import Link from "next/link";
import { LocalTime } from "./local-time";

/** A student's assignments with due date, status and score. */
export function AssignmentTable({ assignments }: { assignments: Array<{ id: string; title: string; due: Date | null; late: boolean; done: boolean; closed: boolean; points: number; maxPoints: number }> }) {
  return (
    <div className="table-scroll">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Assignment</th>
            <th scope="col">Due</th>
            <th scope="col">Status</th>
            <th scope="col">Score</th>
          </tr>
        </thead>
        <tbody>
          {assignments.map((a) => (
            <tr key={a.id}>
              <td>
                <Link href={`/classes/assignments/${a.id}`}>{a.title}</Link>
              </td>
              <td>
                <LocalTime value={a.due} />
              </td>
              <td>{a.done ? "Done" : a.late ? (a.closed ? "Missed (closed)" : "Late") : a.due ? "Due" : "Open"}</td>
              <td>
                {a.points} / {a.maxPoints}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
