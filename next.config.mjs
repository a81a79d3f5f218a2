import createMDX from "@next/mdx";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // NEXT_DIST_DIR lets two builds (e.g. parallel test runs) use separate output folders.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  pageExtensions: ["ts", "tsx", "md", "mdx"],
  // In-process PGlite (WebAssembly + data files) and its Prisma adapter must be loaded by Node,
  // not bundled (DESIGN.md, environment facts).
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter"],
  experimental: {
    // forbidden() renders app/forbidden.tsx with a 403 status for signed-in users lacking a role.
    authInterrupts: true,
  },
  // `npm run typecheck` checks types (part of `npm test`); the build does not repeat it, so
  // `npm start` on a fresh machine builds faster.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
        ],
      },
    ];
  },
};

// Plugins are named as strings so Turbopack can pass them to its MDX loader. Frontmatter is
// validated by app/_server/content/course.ts and not rendered; GFM gives tables; headings get ids
// for the table of contents.
const withMDX = createMDX({
  options: {
    remarkPlugins: [["remark-frontmatter", "yaml"], ["remark-gfm"]],
    rehypePlugins: [["rehype-slug"]],
  },
});

export default withMDX(nextConfig);
