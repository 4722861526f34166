import type messages from "../../messages/es-AR.json";
import type { AppLocale } from "./locales";

// Typed keys: a misspelt or missing message key fails the typecheck, not the cashier.
declare module "next-intl" {
  interface AppConfig {
    Locale: AppLocale;
    Messages: typeof messages;
  }
}
