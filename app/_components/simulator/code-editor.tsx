"use client";

/**
 * The code editor: Monaco, served by the site, on pages that have an editor. Its files are
 * preloaded with the page (monaco-preload.tsx) and evaluated as soon as this module runs; the
 * editor itself is created when it comes near the screen. Until it is ready (or if
 * it fails), a plain textarea holds the code, so the page is usable at once and by keyboard and
 * screen reader alike.
 */
import Editor, { loader, type Monaco } from "@monaco-editor/react";
import { useEffect, useRef, useState } from "react";

let loading: Promise<void> | null = null;
let typesAdded = false;

/**
 * Loads Monaco from /vendor/monaco (never a CDN): its AMD modules fetched and evaluated, so that
 * mounting <Editor> afterwards only creates the editor. The small React wrapper is imported with
 * the page (~6 KB gzipped): loading it by import() put two more round trips before Monaco's own.
 */
function loadMonaco(): Promise<void> {
  loading ??= (async () => {
    // Started from the page's HTML (monaco-preload.tsx) where the page preloads Monaco.
    const early = (window as { __lambdaLabMonaco?: Promise<Monaco> }).__lambdaLabMonaco;
    const monaco = early ? await early.catch(() => null) : null;
    if (monaco) {
      loader.config({ monaco });
    } else {
      performance.mark("monaco:load-start"); // read by bench/lesson-page.bench.ts
      loader.config({ paths: { vs: "/vendor/monaco/vs" } });
    }
    await loader.init();
    if (!monaco) performance.mark("monaco:loaded");
  })();
  return loading;
}

// Where the page did not start Monaco from its HTML (no preload list), start it as soon as this
// module runs in the browser rather than at the first idle moment after hydration (~0.6 s later on
// a quiet machine: bench/lesson-page.bench.ts). Only pages with an editor load this module.
if (typeof window !== "undefined") void loadMonaco().catch(() => {});

/** @types/aws-lambda in the editor, so `event.Records[0].s3.bucket.name` autocompletes. */
async function addLambdaTypes(monaco: Monaco) {
  if (typesAdded) return;
  typesAdded = true;
  const base = "/vendor/types/aws-lambda/";
  const files = (await (await fetch(`${base}files.json`)).json()) as string[];
  const ts = monaco.languages.typescript;
  const defaults = [ts.typescriptDefaults, ts.javascriptDefaults];
  for (const d of defaults) {
    d.setCompilerOptions({ ...d.getCompilerOptions(), allowJs: true, checkJs: false, allowNonTsExtensions: true, moduleResolution: ts.ModuleResolutionKind.NodeJs, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, esModuleInterop: true });
  }
  await Promise.all(
    files.map(async (file) => {
      const text = await (await fetch(base + file)).text();
      for (const d of defaults) d.addExtraLib(text, `file:///node_modules/@types/aws-lambda/${file}`);
    }),
  );
}

interface Props {
  value: string;
  onChange: (value: string) => void;
  language: "javascript" | "typescript";
  label: string;
  onRun: () => void;
  height?: number;
}

export function CodeEditor({ value, onChange, language, label, onRun, height = 300 }: Props) {
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  const runRef = useRef(onRun); // Monaco's command is bound once; it must call the latest onRun
  useEffect(() => {
    runRef.current = onRun;
  }, [onRun]);
  const dark = typeof document !== "undefined" && document.documentElement.dataset.theme === "dark";

  const frame = useRef<HTMLDivElement>(null);

  // Monaco (~1 MB gzipped, preloaded with the page) is evaluated early (above), so a learner who
  // scrolls to the editor finds it (nearly) ready; the editor is created when it comes
  // near the screen or is focused first. Failing to load leaves the textarea, which works.
  useEffect(() => {
    if (performance.getEntriesByName("editor:hydrated").length === 0) performance.mark("editor:hydrated"); // read by the bench
    let cancelled = false;
    const start = () => {
      loadMonaco().then(
        () => !cancelled && setReady(true),
        () => !cancelled && setFailed(true),
      );
    };
    const node = frame.current;
    if (!node || typeof IntersectionObserver === "undefined") {
      start();
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          start();
        }
      },
      { rootMargin: "300px" },
    );
    observer.observe(node);
    node.addEventListener("focusin", start, { once: true });
    return () => {
      cancelled = true;
      observer.disconnect();
      node.removeEventListener("focusin", start);
    };
  }, []);

  const fallback = (
    <textarea
      className="code-fallback"
      aria-label={label}
      spellCheck={false}
      value={value}
      style={{ height }}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          onRun();
        }
      }}
    />
  );
  if (!ready || failed) {
    return (
      <div className="editor-frame" ref={frame}>
        {fallback}
        {!failed && <p className="editor-status" role="status">Loading the editor…</p>}
      </div>
    );
  }
  return (
    <div className="editor-frame" aria-label={label} role="group" ref={frame}>
      <Editor
        height={height}
        language={language}
        path={language === "typescript" ? "file:///var/task/index.ts" : "file:///var/task/index.mjs"}
        value={value}
        theme={dark ? "vs-dark" : "vs"}
        loading={fallback}
        onChange={(v) => onChange(v ?? "")}
        beforeMount={(monaco) => void addLambdaTypes(monaco)}
        onMount={(editor, monaco) => {
          editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => runRef.current());
        }}
        options={{ minimap: { enabled: false }, fontSize: 14, scrollBeyondLastLine: false, tabSize: 2, automaticLayout: true, ariaLabel: label, accessibilitySupport: "auto" }}
      />
    </div>
  );
}
