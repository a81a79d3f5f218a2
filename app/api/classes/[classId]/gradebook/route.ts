/** GET the class's gradebook as a CSV download (the class's teacher only). */
import { getSessionUser } from "@/app/_server/auth";
import { gradebookCsv } from "@/app/_server/classes/gradebook";
import { db } from "@/app/_server/db";
import { route } from "@/app/_server/http";

export const GET = route(async (_request: Request, { params }: { params: Promise<{ classId: string }> }) => {
  const { classId } = await params;
  const { filename, csv } = await gradebookCsv(await db(), await getSessionUser(), classId);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
});
