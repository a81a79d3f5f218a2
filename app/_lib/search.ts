/**
 * Client-side lesson search: a small index (title, module, headings, text per lesson) fetched once
 * when the search box is first used, and a ranking that prefers matches in titles, then headings,
 * then body text. Every word of the query must match somewhere (prefix matching, accent- and
 * case-insensitive).
 */

export interface SearchDoc {
  id: string;
  href: string;
  title: string;
  module: string;
  headings: Array<{ text: string; anchor: string }>;
  text: string;
}

export interface SearchHit {
  doc: SearchDoc;
  score: number;
  /** The best place to land: a heading's anchor when a heading matched. */
  href: string;
  /** A short excerpt around the first body match. */
  excerpt: string;
}

interface CourseLike {
  modules: Array<{ title: string; lessons: Array<{ id: string; title: string; headings: Array<{ text: string; anchor: string }>; text: string }> }>;
}

export function buildSearchIndex(course: CourseLike): SearchDoc[] {
  return course.modules.flatMap((m) =>
    m.lessons.map((l) => ({
      id: l.id,
      href: `/learn/${l.id}`,
      title: l.title,
      module: m.title,
      headings: l.headings.map((h) => ({ text: h.text, anchor: h.anchor })),
      text: l.text,
    })),
  );
}

export function normalise(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase();
}

function words(query: string): string[] {
  return normalise(query)
    .split(/[^\p{L}\p{N}@._-]+/u)
    .filter((w) => w.length > 0);
}

const wordStart = (haystack: string, word: string) => new RegExp(`(^|[^\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "u").test(haystack);

export function searchLessons(index: SearchDoc[], query: string, limit = 8): SearchHit[] {
  const terms = words(query);
  if (terms.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const doc of index) {
    const title = normalise(doc.title);
    const text = normalise(doc.text);
    let score = 0;
    let anchor: string | null = null;
    let all = true;
    for (const term of terms) {
      let termScore = 0;
      if (wordStart(title, term)) termScore += 10;
      const heading = doc.headings.find((h) => wordStart(normalise(h.text), term));
      if (heading) {
        termScore += 5;
        anchor ??= heading.anchor;
      }
      if (wordStart(normalise(doc.module), term)) termScore += 2;
      if (wordStart(text, term)) termScore += 1 + Math.min(3, text.split(term).length - 1) * 0.25;
      if (termScore === 0) {
        all = false;
        break;
      }
      score += termScore;
    }
    if (!all) continue;
    const at = text.indexOf(terms[0]!);
    const excerpt = at < 0 ? doc.text.slice(0, 140) : `${at > 60 ? "…" : ""}${doc.text.slice(Math.max(0, at - 60), at + 100).trim()}…`;
    hits.push({ doc, score, href: anchor ? `${doc.href}#${anchor}` : doc.href, excerpt });
  }
  return hits.sort((a, b) => b.score - a.score || a.doc.title.localeCompare(b.doc.title)).slice(0, limit);
}
