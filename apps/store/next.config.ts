import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// The shopper's language: src/i18n/request.ts picks it per request (cookie, then Accept-Language).
const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const config: NextConfig = {
  // Workspace packages ship TypeScript source (the generated Prisma client even imports with `.ts` extensions).
  transpilePackages: ["@pos/api", "@pos/db", "@pos/ui", "@pos/validators"],
  // Database drivers stay plain Node requires: they open sockets and keep pools, nothing to bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@prisma/client"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default withNextIntl(config);
