/**
 * The MDX-facing <Simulator>: takes the starting code from the fenced code block inside it, so
 * lessons show code the natural way, and hands everything to the client component.
 *
 * ```mdx
 * <Simulator id="hello" title="Your first handler" event="apigateway/http-api-proxy">
 * ```js
 * export const handler = async (event) => ({ statusCode: 200, body: "hi" });
 * ```
 * </Simulator>
 * ```
 */
import { Children, isValidElement, type ReactNode } from "react";
import { catalogueGroups } from "./catalogue";
import { MonacoPreload } from "./monaco-preload";
import { SimulatorClient, type SimulatorProps } from "./simulator-client";

/** The text of the first code block among `children` (MDX renders it as <pre><code>). */
export function codeFromChildren(children: ReactNode): { code: string; language?: string } | null {
  for (const child of Children.toArray(children)) {
    if (!isValidElement<{ children?: ReactNode; className?: string }>(child)) continue;
    const inner = child.props.children;
    if (typeof inner === "string") return { code: inner, language: child.props.className };
    if (isValidElement<{ children?: ReactNode; className?: string }>(inner) && typeof inner.props.children === "string") {
      const lang = /language-(\w+)/.exec(inner.props.className ?? "")?.[1];
      return { code: inner.props.children, language: lang };
    }
    const nested = codeFromChildren(inner);
    if (nested) return nested;
  }
  return null;
}

type Props = Omit<SimulatorProps, "initialCode" | "language" | "catalogue"> & {
  children?: ReactNode;
  code?: string;
  language?: "javascript" | "typescript";
  /** What the example is meant to show when run (checked by the content test; default success). */
  expect?: "success" | "error" | "timeout";
};

export function Simulator({ children, code, language, expect: _expect, ...props }: Props) {
  const block = codeFromChildren(children);
  const initialCode = (code ?? block?.code ?? "").replace(/\n$/, "");
  const lang = language ?? (block?.language === "ts" || block?.language === "typescript" ? "typescript" : "javascript");
  if (!initialCode) throw new Error(`<Simulator id="${props.id}"> needs starting code: a fenced code block inside it, or a code prop`);
  return (
    <>
      <MonacoPreload />
      <SimulatorClient {...props} initialCode={initialCode} language={lang} catalogue={catalogueGroups()} />
    </>
  );
}
