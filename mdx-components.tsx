import type { MDXComponents } from "mdx/types";

// Required by @next/mdx with the App Router; lessons register their components here later.
export function useMDXComponents(components: MDXComponents): MDXComponents {
  return { ...components };
}
