import NextAuth from "next-auth";
import { authOptions } from "@/app/_server/auth";

// Options are built on first request, not at import, so `next build` needs no secret.
type Context = { params: Promise<{ nextauth: string[] }> };
const handler = (request: Request, context: Context) => NextAuth(request as never, context as never, authOptions()) as Promise<Response>;

export { handler as GET, handler as POST };
