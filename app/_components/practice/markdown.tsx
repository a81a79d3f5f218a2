import Markdown from "react-markdown";
import remarkGfm from "remark-gfm";

/** Question text (Markdown, from the bank) rendered without raw HTML. */
export function Md({ children, inline = false }: { children: string; inline?: boolean }) {
  return (
    <Markdown remarkPlugins={[remarkGfm]} components={inline ? { p: ({ children: c }) => <>{c}</> } : undefined}>
      {children}
    </Markdown>
  );
}
