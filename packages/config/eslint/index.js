// Shared flat config: type-aware TypeScript rules plus the layering rules of docs/architecture.
// Each package calls `defineConfig(import.meta.dirname, "<layer>")`; the layer decides which of our
// packages it may import, so the dependency direction is enforced by lint rather than by review.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** What each layer must not import. apps → api → (services → db, validators), auth. */
const forbidden = {
  // The data layer imports nothing of ours.
  // Root scripts, seed, benchmarks and browser tests drive the whole product.
  tools: [],
  db: [{ group: ["@pos/*", "!@pos/db", "!@pos/db/*"], message: "@pos/db imports nothing of ours." }],
  validators: [{ group: ["@pos/*"], message: "@pos/validators is a leaf: zod schemas only." }],
  auth: [
    { group: ["@pos/api", "@pos/api/*", "@pos/ui", "@pos/ui/*"], message: "@pos/auth sits below the API and UI." },
  ],
  api: [{ group: ["@pos/ui", "@pos/ui/*", "next", "next/*"], message: "@pos/api never imports Next or UI code." }],
  // Business rules stay framework-free so they can be called from tests, scripts and jobs.
  services: [
    {
      group: ["@trpc/*", "next", "next/*", "next-auth", "next-auth/*", "**/routers/*", "**/trpc", "**/procedures"],
      message: "Services are plain functions: no tRPC, no Next.",
    },
  ],
  ui: [
    {
      group: ["@pos/api", "@pos/api/*", "@pos/db", "@pos/db/*", "@pos/auth", "@pos/auth/*"],
      message: "UI is presentational.",
    },
  ],
  pos: [{ group: ["@pos/db/*", "!@pos/db/env"], message: "Apps reach data through @pos/api." }],
  // The storefront mounts only the public store router: nothing staff-facing may be imported.
  store: [
    {
      group: ["@pos/api/*", "!@pos/api/store", "@pos/auth", "@pos/auth/*", "@pos/db/*", "!@pos/db/env"],
      message: "apps/store may import only @pos/api/store and public UI.",
    },
    // Not "@pos/api" in the group above: gitignore-style matching would exclude the whole folder, and a
    // negation cannot re-include "@pos/api/store" under an excluded parent.
    { regex: "^@pos/api$", message: "apps/store may import only @pos/api/store and public UI." },
    { regex: "^next/link$", message: "Use ShopLink (src/shop/shop-link.tsx): store links do not prefetch." },
  ],
};

/**
 * @param {string} tsconfigRootDir the package directory (import.meta.dirname)
 * @param {keyof typeof forbidden} layer
 * @param {{ servicesGlob?: string }} [options]
 */
export function defineConfig(tsconfigRootDir, layer, options = {}) {
  const restrict = (patterns) => ({ "no-restricted-imports": ["error", { patterns }] });
  return tseslint.config(
    {
      ignores: ["**/node_modules/**", "**/.next/**", "**/dist/**", "**/generated/**", "**/*.config.*", "next-env.d.ts"],
    },
    js.configs.recommended,
    ...tseslint.configs.strictTypeChecked,
    {
      languageOptions: { parserOptions: { projectService: true, tsconfigRootDir } },
      rules: {
        ...restrict(forbidden[layer]),
        "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
        "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
        "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
        "@typescript-eslint/no-confusing-void-expression": "off",
        "no-console": ["error", { allow: ["warn", "error", "info"] }],
      },
    },
    options.servicesGlob
      ? { files: [options.servicesGlob], rules: restrict([...forbidden[layer], ...forbidden.services]) }
      : {},
    {
      files: ["**/*.test.ts", "**/*.test.tsx", "test/**", "scripts/**"],
      rules: { "no-console": "off", "@typescript-eslint/no-non-null-assertion": "off" },
    },
    {
      // Plain scripts the browser loads as they are (a service worker): outside the TypeScript project.
      files: ["public/**/*.js"],
      ...tseslint.configs.disableTypeChecked,
      languageOptions: {
        ...tseslint.configs.disableTypeChecked.languageOptions,
        sourceType: "script",
        globals: { self: "readonly", caches: "readonly", fetch: "readonly", URL: "readonly", Promise: "readonly" },
      },
    },
  );
}
