import { defineConfig } from "@pos/eslint-config";

// Root-level code only (scripts, seed, benchmarks, browser tests); each package has its own config.
export default [{ ignores: ["apps/**", "packages/**", ".data/**"] }, ...defineConfig(import.meta.dirname, "tools")];
