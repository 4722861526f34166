import type { ViteUserConfig } from "vitest/config";

export declare function databaseTestConfig(globalSetup: string): ViteUserConfig;
