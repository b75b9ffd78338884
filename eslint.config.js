import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/**", "build-*/**", "tests/.tmp/**", "e2e/.tmp/**", "app/generated/**", "node_modules/**", "test-results/**", "playwright-report/**", "data/**", "public/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": "off",
    },
  },
  {
    // Playwright fixtures call `use`, which is not React's hook.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // Pure domain modules: no Prisma, no React, no Node I/O (docs/architecture.md).
    files: ["app/features/**/!(*.server).ts"],
    ignores: ["app/features/**/*.server.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["~/generated/*", "@prisma/*", "~/platform/db.server"], message: "Pure modules must not touch the database." },
            { group: ["react", "react-dom", "@remix-run/*"], message: "Pure modules must not depend on React or Remix." },
            { group: ["node:*", "fs", "path", "child_process"], message: "Pure modules must not do I/O." },
          ],
        },
      ],
    },
  },
);
