"use client";

/**
 * Lesson search in the header: a combobox (WAI-ARIA pattern) over a small index fetched the first
 * time the box is used. "/" focuses it from anywhere; arrows move, Enter opens, Escape closes.
 */
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { searchLessons, type SearchDoc, type SearchHit } from "@/app/_lib/search";

let indexPromise: Promise<SearchDoc[]> | null = null;
function loadIndex(): Promise<SearchDoc[]> {
  indexPromise ??= fetch("/api/search-index")
    .then((r) => (r.ok ? (r.json() as Promise<SearchDoc[]>) : Promise.reject(new Error(String(r.status)))))
    .catch((error: unknown) => {
      indexPromise = null; // try again next time
      throw error;
    });
  return indexPromise;
}

export function SearchBox() {
  const router = useRouter();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState("");
  const [index, setIndex] = useState<SearchDoc[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const hits: SearchHit[] = index ? searchLessons(index, query) : [];

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.key === "/" && !/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) && !target.isContentEditable) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const ensureIndex = () => {
    if (index) return;
    loadIndex().then(setIndex, () => setFailed(true));
  };

  const go = (hit: SearchHit | undefined) => {
    if (!hit) return;
    setOpen(false);
    setQuery("");
    router.push(hit.href);
  };

  const showList = open && query.trim().length > 0;
  return (
    <div className="search" role="search">
      <label htmlFor={`${id}-input`} className="sr-only">
        Search lessons
      </label>
      <input
        ref={input}
        id={`${id}-input`}
        type="search"
        className="search-input"
        placeholder="Search lessons  /"
        autoComplete="off"
        role="combobox"
        aria-expanded={showList}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={showList && hits[active] ? `${id}-hit-${active}` : undefined}
        value={query}
        onFocus={() => {
          ensureIndex();
          setOpen(true);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, Math.max(hits.length - 1, 0)));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === "Enter") {
            e.preventDefault();
            go(hits[active]);
          } else if (e.key === "Escape") {
            setOpen(false);
          }
        }}
      />
      {showList && (
        <ul id={`${id}-list`} role="listbox" className="search-results" aria-label="Matching lessons">
          {!index && !failed && <li className="search-empty">Loading…</li>}
          {failed && <li className="search-empty">Search is unavailable right now.</li>}
          {index && hits.length === 0 && <li className="search-empty">No lesson matches “{query}”.</li>}
          {hits.map((hit, i) => (
            <li
              key={hit.doc.id}
              id={`${id}-hit-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? "active" : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                go(hit);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="search-title">{hit.doc.title}</span>
              <span className="search-meta">{hit.doc.module}</span>
              <span className="search-excerpt">{hit.excerpt}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
