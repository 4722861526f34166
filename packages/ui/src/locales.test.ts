import { describe, expect, it } from "vitest";
import { resolveLocale } from "./locales.ts";

describe("resolveLocale", () => {
  it("takes the cookie when it names a locale we have", () => {
    expect(resolveLocale("en", "es-AR,es;q=0.9")).toBe("en");
    expect(resolveLocale("es-AR", "en-US")).toBe("es-AR");
  });

  it("ignores an unknown cookie and follows Accept-Language", () => {
    expect(resolveLocale("fr", "en-GB,en;q=0.9")).toBe("en");
    expect(resolveLocale(undefined, "es-MX")).toBe("es-AR");
    expect(resolveLocale(undefined, "EN")).toBe("en");
  });

  it("picks the best-ranked language we speak", () => {
    expect(resolveLocale(undefined, "fr-FR,en;q=0.8,es;q=0.9")).toBe("es-AR");
    expect(resolveLocale(undefined, "de,en;q=0.5")).toBe("en");
    expect(resolveLocale(undefined, "en;q=0,es;q=0.1")).toBe("es-AR");
  });

  it("falls back to the shop's es-AR", () => {
    expect(resolveLocale(undefined, undefined)).toBe("es-AR");
    expect(resolveLocale(undefined, "")).toBe("es-AR");
    expect(resolveLocale(undefined, "de-DE,fr;q=0.5")).toBe("es-AR");
    expect(resolveLocale(undefined, "*")).toBe("es-AR");
  });
});
