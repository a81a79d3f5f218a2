"use client";

/** Small forms and buttons of the classes pages; each calls one server action and shows its answer. */
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import {
  archiveClassAction,
  changeJoinCodeAction,
  createClassAction,
  deleteAssignmentAction,
  importRosterAction,
  joinClassAction,
  removeInviteAction,
  removeStudentAction,
  setExtensionAction,
  type ActionResult,
} from "@/app/classes/actions";
import styles from "./classes.module.css";

function useAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const call = <T,>(action: () => Promise<ActionResult<T>>, onOk?: (value: T) => string | void) =>
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        const text = onOk?.(result.value);
        setMessage(text ? { ok: true, text } : null);
        router.refresh();
      } else setMessage({ ok: false, text: result.error });
    });
  const feedback = message && (
    <p className={`alert ${message.ok ? "success" : "error"}`} role={message.ok ? "status" : "alert"}>
      {message.text}
    </p>
  );
  return { pending, call, feedback };
}

export function CreateClassForm() {
  const router = useRouter();
  const { pending, call, feedback } = useAction();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        call(() => createClassAction({ name, description }), (v) => router.push(`/classes/teaching/${v.id}`));
      }}
    >
      <div className="field">
        <label htmlFor="class-name">Class name</label>
        <input id="class-name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} />
      </div>
      <div className="field">
        <label htmlFor="class-description">Description (optional)</label>
        <textarea id="class-description" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={2000} />
      </div>
      <div>
        <button className="button" disabled={pending}>
          {pending ? "Creating…" : "Create class"}
        </button>
      </div>
      {feedback}
    </form>
  );
}

export function JoinForm({ initialCode }: { initialCode: string }) {
  const router = useRouter();
  const { pending, call, feedback } = useAction();
  const [code, setCode] = useState(initialCode);
  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        call(() => joinClassAction({ code }), (v) => router.push(`/classes/${v.classId}`));
      }}
    >
      <div className="field">
        <label htmlFor="join-code">Join code</label>
        <input id="join-code" value={code} onChange={(e) => setCode(e.target.value)} required maxLength={32} autoComplete="off" spellCheck={false} />
      </div>
      <div>
        <button className="button" disabled={pending}>
          {pending ? "Joining…" : "Join class"}
        </button>
      </div>
      {feedback}
    </form>
  );
}

export function ClassControls({ classId, enabled, archived }: { classId: string; enabled: boolean; archived: boolean }) {
  const { pending, call, feedback } = useAction();
  return (
    <div className="stack">
      <div className={styles.actions}>
        <button type="button" className="button secondary" disabled={pending} onClick={() => call(() => changeJoinCodeAction({ classId, action: "regenerate" }), () => "A new join code was made; the old one no longer works.")}>
          Regenerate code
        </button>
        <button type="button" className="button secondary" disabled={pending} onClick={() => call(() => changeJoinCodeAction({ classId, action: enabled ? "disable" : "enable" }))}>
          {enabled ? "Disable code" : "Enable code"}
        </button>
        <button type="button" className="button secondary" disabled={pending} onClick={() => call(() => archiveClassAction({ classId, archived: !archived }))}>
          {archived ? "Unarchive class" : "Archive class"}
        </button>
      </div>
      {feedback}
    </div>
  );
}

export function RemoveStudentButton({ classId, userId, label }: { classId: string; userId: string; label: string }) {
  const { pending, call, feedback } = useAction();
  return (
    <>
      <button
        type="button"
        className="button secondary"
        disabled={pending}
        aria-label={`Remove ${label}`}
        onClick={() => {
          if (window.confirm(`Remove ${label} from this class? Their submissions are kept.`)) call(() => removeStudentAction({ classId, userId }));
        }}
      >
        Remove
      </button>
      {feedback}
    </>
  );
}

export function RemoveInviteButton({ classId, email }: { classId: string; email: string }) {
  const { pending, call, feedback } = useAction();
  return (
    <>
      <button type="button" className="button secondary" disabled={pending} aria-label={`Cancel the invitation of ${email}`} onClick={() => call(() => removeInviteAction({ classId, email }))}>
        Cancel invite
      </button>
      {feedback}
    </>
  );
}

export function RosterImport({ classId }: { classId: string }) {
  const { pending, call, feedback } = useAction();
  const [csv, setCsv] = useState("");
  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        call(
          () => importRosterAction({ classId, csv }),
          (v) => {
            setCsv("");
            return `Enrolled ${v.enrolled}, invited ${v.invited} without an account yet${v.alreadyThere ? `, ${v.alreadyThere} already on the roster` : ""}${v.rejected.length ? `; not emails: ${v.rejected.slice(0, 5).join(", ")}` : ""}.`;
          },
        );
      }}
    >
      <div className="field">
        <label htmlFor="roster-csv">Roster CSV (one email per line, or any column of emails)</label>
        <textarea id="roster-csv" value={csv} onChange={(e) => setCsv(e.target.value)} required />
      </div>
      <div className={styles.actions}>
        <label className="button secondary">
          Choose a CSV file…
          <input
            type="file"
            accept=".csv,text/csv,text/plain"
            className="sr-only"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void file.text().then(setCsv);
            }}
          />
        </label>
        <button className="button" disabled={pending}>
          {pending ? "Importing…" : "Import roster"}
        </button>
      </div>
      {feedback}
    </form>
  );
}

export function ExtensionForm({ assignmentId, students }: { assignmentId: string; students: Array<{ id: string; label: string }> }) {
  const { pending, call, feedback } = useAction();
  const domId = useId();
  const [userId, setUserId] = useState(students[0]?.id ?? "");
  const [dueAt, setDueAt] = useState("");
  if (students.length === 0) return null;
  return (
    <form
      className={`${styles.form} ${styles.row}`}
      onSubmit={(e) => {
        e.preventDefault();
        call(() => setExtensionAction({ assignmentId, userId, dueAt: dueAt ? new Date(dueAt).toISOString() : null }), (v) => (v.dueAt ? "Extension saved." : "Extension removed."));
      }}
    >
      <div className="field">
        <label htmlFor={`${domId}-student`}>Student</label>
        <select id={`${domId}-student`} value={userId} onChange={(e) => setUserId(e.target.value)}>
          {students.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${domId}-due`}>Their due date (empty removes it)</label>
        <input id={`${domId}-due`} type="datetime-local" value={dueAt} onChange={(e) => setDueAt(e.target.value)} />
      </div>
      <div>
        <button className="button secondary" disabled={pending}>
          Save extension
        </button>
      </div>
      {feedback}
    </form>
  );
}

export function DeleteAssignmentButton({ assignmentId, title }: { assignmentId: string; title: string }) {
  const { pending, call, feedback } = useAction();
  return (
    <>
      <button
        type="button"
        className="button secondary"
        disabled={pending}
        aria-label={`Delete the assignment ${title}`}
        onClick={() => {
          if (window.confirm(`Delete “${title}”? Its grades leave the gradebook; the submissions are kept.`)) call(() => deleteAssignmentAction({ assignmentId }));
        }}
      >
        Delete
      </button>
      {feedback}
    </>
  );
}
