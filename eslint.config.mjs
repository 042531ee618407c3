// `npm run lint` (also the first step of `npm test`): typescript-eslint's recommended rules for the
// server, plus React's and the hooks' rules for the Medusa Admin extensions (src/admin).
import js from "@eslint/js"
import tseslint from "typescript-eslint"
import react from "eslint-plugin-react"
import reactHooks from "eslint-plugin-react-hooks"
import globals from "globals"

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      ".medusa/**",
      ".data/**",
      ".cache/**",
      "**/dist/**",
      "panel/dist/**",
      "coverage/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.node },
    },
    rules: {
      // Unused names are errors, except the ones that say on purpose they are unused.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
      ],
      // Counted against a shrinking budget by scripts/any-budget.mjs instead (part of `npm run lint`).
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-expressions": ["error", { allowShortCircuit: true, allowTernary: true }],
      // An empty catch says "this failure changes nothing here"; other empty blocks are mistakes.
      "no-empty": ["error", { allowEmptyCatch: true }],
    },
  },
  {
    files: ["**/*.cjs", "**/*.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["integration-tests/**", "**/*.spec.ts"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    // Tests require modules lazily, after Medusa's module registry exists.
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Drawn inside Chromium's page, where `document` exists.
    files: ["scripts/demo-images.mjs"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ["src/admin/**/*.{ts,tsx}", "panel/**/*.{ts,tsx}"],
    plugins: { react, "react-hooks": reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    settings: { react: { version: "18" } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      ...reactHooks.configs.recommended.rules,
    },
  }
)
