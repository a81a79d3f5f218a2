import { requireUser } from "../_server/authz";
import { env } from "../_server/env";
import { BecomeTeacher } from "./become-teacher";

export const metadata = { title: "Your account" };

const ROLE_NAMES = { LEARNER: "Learner", TEACHER: "Teacher", ADMIN: "Administrator" } as const;

export default async function AccountPage() {
  const user = await requireUser("/account");
  return (
    <div className="container page">
      <h1>Your account</h1>
      <dl className="card" style={{ display: "grid", gridTemplateColumns: "max-content 1fr", gap: "0.5rem 1.5rem", maxWidth: "36rem" }}>
        <dt>Name</dt>
        <dd style={{ margin: 0 }} data-testid="account-name">
          {user.name ?? "—"}
        </dd>
        <dt>Email</dt>
        <dd style={{ margin: 0 }}>{user.email}</dd>
        <dt>Role</dt>
        <dd style={{ margin: 0 }} data-testid="account-role">
          {ROLE_NAMES[user.role]}
        </dd>
      </dl>
      {user.role === "LEARNER" && (
        <section style={{ marginTop: "2rem" }} aria-labelledby="teach">
          <h2 id="teach">Teaching</h2>
          {env().TEACHER_SIGNUP === "open" ? (
            <>
              <p>Teachers can create classes, hand out assignments and see a gradebook.</p>
              <BecomeTeacher />
            </>
          ) : (
            <p className="muted">On this site, teacher accounts are granted by an administrator.</p>
          )}
        </section>
      )}
    </div>
  );
}
