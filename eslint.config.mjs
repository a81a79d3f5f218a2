// One lint configuration for the repo: Next's rules (core web vitals, accessibility), typescript-eslint's
// type-checked rules, and the module boundary: sandbox/ is a framework-agnostic library.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".next-*/**",
      ".data/**",
      "public/vendor/**",
      "prisma/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "content/**/*.json",
    ],
  },
  ...nextVitals,
  ...nextTs,
  ...tseslint.configs.recommendedTypeChecked.map((c) => ({ ...c, files: ["**/*.{ts,tsx,mts}"] })),
  {
    files: ["**/*.{ts,tsx,mts}"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      // Guest values from QuickJS and JSON events are untyped by nature; the code narrows them explicitly.
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/restrict-template-expressions": "off",
      "@typescript-eslint/no-base-to-string": "off",
      // Async methods that satisfy a promise-returning interface without awaiting are fine.
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    // The simulator runs unchanged in a Web Worker and in Node: nothing of Next, React, Prisma or the app.
    files: ["sandbox/**/*.{ts,tsx,mts,js,mjs}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["next", "next/*", "react", "react/*", "react-dom", "react-dom/*"], message: "sandbox/ must not depend on Next or React." },
            { group: ["@prisma/*", "**/prisma/generated/**"], message: "sandbox/ must not depend on the database." },
            { group: ["@/app/*", "**/app/*", "@/content/*", "**/content/*"], message: "sandbox/ must not import from app/ or content/ (pass data in)." },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    ...tseslint.configs.disableTypeChecked,
  },
);
