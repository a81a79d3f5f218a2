import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="container page narrow">
      <h1>Not available to your account</h1>
      <p>This page is for teachers. If you teach a class, you can switch your account to a teacher account.</p>
      <p>
        <Link href="/account">Go to your account</Link> · <Link href="/">Home</Link>
      </p>
    </div>
  );
}
