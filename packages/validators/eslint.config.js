import { defineConfig } from "@pos/eslint-config";

export default defineConfig(import.meta.dirname, "validators");
