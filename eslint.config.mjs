import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "dist-harness/**",
      "node_modules/**",
      "coverage/**",
      "test-results/**",
      "test/fixtures/generated/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // The core and OOXML layer must stay host-free: no Office.js, React or Node built-ins.
    files: ["src/core/**/*.ts", "src/ooxml/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["fs", "fs/*", "node:*", "path", "os", "child_process"],
              message: "The core is host-free: take bytes or strings, never paths.",
            },
            { group: ["react", "react-dom", "@fluentui/*"], message: "The core must not import UI code." },
          ],
        },
      ],
      "no-restricted-globals": ["error", "Office", "Word", "require", "process", "Buffer"],
    },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
