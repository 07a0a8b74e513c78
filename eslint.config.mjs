import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

export default tseslint.config(
  { ignores: ["node_modules/", ".next*/", "generated/", "data/", "test-results/", "playwright-report/", "next-env.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read the environment through lib/env.ts." },
      ],
    },
  },
  {
    // Start-up, tooling and tests may read the environment directly; instrumentation.ts reads
    // NEXT_RUNTIME, which Next sets and replaces at build time.
    files: ["lib/env.ts", "instrumentation.ts", "scripts/**", "test/**", "e2e/**", "bench/**", "*.config.ts", "**/*.test.ts", "cli/**"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // Code that may run in the browser takes zod from lib/zod.ts, which turns its JIT off there
    // before any schema is built (the CSP forbids eval; zod's probe would be reported).
    files: ["lib/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "app/**/*.{ts,tsx}"],
    ignores: ["lib/zod.ts", "lib/env.ts", "**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "zod", allowTypeImports: true, message: "Import { z } from \"@/lib/zod\" (jitless in the browser)." }] }],
    },
  },
  {
    // Playwright fixtures call their `use` argument, which is not React's hook.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
  {
    files: ["next.config.js"],
    languageOptions: { sourceType: "commonjs", globals: { module: "writable", require: "readonly" } },
  },
);
