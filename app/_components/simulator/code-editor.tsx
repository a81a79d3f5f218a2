"use client";

/**
 * The code editor: Monaco, served by the site and loaded only when an editor appears on screen.
 * Until it is ready (or if it fails), a plain textarea holds the code, so the page is usable at
 * once and by keyboard and screen reader alike.
 */
import { useEffect, useRef, useState } from "react";
import type EditorComponent from "@monaco-editor/react";
import type { Monaco } from "@monaco-editor/react";

type MonacoEditor = typeof EditorComponent;

let loading: Promise<MonacoEditor> | null = null;
let typesAdded = false;

/** Loads @monaco-editor/react pointed at /vendor/monaco (never a CDN). */
function loadMonaco(): Promise<MonacoEditor> {
  loading ??= import("@monaco-editor/react").then((mod) => {
    mod.loader.config({ paths: { vs: "/vendor/monaco/vs" } });
    return mod.default;
  });
  return loading;
}

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
  const [Editor, setEditor] = useState<MonacoEditor | null>(null);
  const [failed, setFailed] = useState(false);
  const runRef = useRef(onRun); // Monaco's command is bound once; it must call the latest onRun
  useEffect(() => {
    runRef.current = onRun;
  }, [onRun]);
  const dark = typeof document !== "undefined" && document.documentElement.dataset.theme === "dark";

  const frame = useRef<HTMLDivElement>(null);

  // Monaco (a few MB) loads only when an editor comes near the screen, or is focused first.
  useEffect(() => {
    let cancelled = false;
    const start = () => {
      loadMonaco().then(
        (E) => !cancelled && setEditor(() => E),
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
  if (!Editor || failed) {
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
