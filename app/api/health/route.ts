import { NextResponse } from "next/server";
import { db } from "@/app/_server/db";

export const dynamic = "force-dynamic";

/** GET /api/health: 200 when the app and its database answer (for load balancers), else 503. */
export async function GET() {
  try {
    await (await db()).$queryRaw`SELECT 1`;
    return NextResponse.json({ status: "ok" });
  } catch (error) {
    console.error("health check failed:", (error as Error).message);
    return NextResponse.json({ status: "unavailable", error: "The database does not answer." }, { status: 503 });
  }
}
