import type { AppLocale } from "@pos/ui";
import type messages from "../../messages/es-AR.json";

// Typed keys: a misspelt or missing message key fails the typecheck, not the shopper.
declare module "next-intl" {
  interface AppConfig {
    Locale: AppLocale;
    Messages: typeof messages;
  }
}
