import { NextResponse } from "next/server";
import { course } from "@/app/_server/content/course";
import { buildSearchIndex } from "@/app/_lib/search";

// Built once at build time: the lessons' titles, headings and text, for the header's search box.
export const dynamic = "force-static";

export function GET() {
  return NextResponse.json(buildSearchIndex(course()));
}
