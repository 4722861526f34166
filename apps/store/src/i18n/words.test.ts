import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import es from "../../messages/es-AR.json";
import { formatMessage } from "./format-message";

/** The namespaces the browser formats itself (src/i18n/island-words.tsx users). */
const ISLANDS = ["cart", "product", "checkout"] as const;
type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value]] : leaves(value, `${prefix}${key}.`),
  );
}

describe.each([
  ["es-AR", es],
  ["en", en],
] as const)("%s words formatted in the browser", (locale, messages) => {
  const translate = createTranslator({ locale, messages: messages });
  const cases = ISLANDS.flatMap((namespace) =>
    leaves(messages[namespace] as Tree, `${namespace}.`).map(([key, message]) => ({ key, message })),
  );

  it.each(cases)("$key reads as next-intl formats it", ({ key, message }) => {
    const plurals = [...message.matchAll(/\{\s*(\w+)\s*,\s*plural/g)].map((match) => match[1] ?? "");
    const names = [...message.matchAll(/\{\s*(\w+)\s*\}/g)].map((match) => match[1] ?? "");
    for (const count of plurals.length > 0 ? [0, 1, 2, 7, 1500] : [0]) {
      const values: Record<string, string | number> = Object.fromEntries(names.map((name) => [name, `«${name}»`]));
      for (const name of plurals) values[name] = count;
      expect(formatMessage(message, values, locale)).toBe(translate(key as never, values as never));
    }
  });

  it("leaves a message without arguments as it is and an unknown argument visible", () => {
    expect(formatMessage("Hola", {}, locale)).toBe("Hola");
    expect(formatMessage("Hola {name}", {}, locale)).toBe("Hola {name}");
  });
});
