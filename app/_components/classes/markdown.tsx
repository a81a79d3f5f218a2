/** Teacher-written Markdown, rendered without raw HTML (react-markdown ignores it by default). */
import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";
import styles from "./classes.module.css";

export function Markdown({ text }: { text: string }) {
  return (
    <div className={styles.markdown}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} skipHtml>
        {text}
      </ReactMarkdown>
    </div>
  );
}
