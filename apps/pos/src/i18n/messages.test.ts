import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import storeEn from "../../../store/messages/en.json";
import storeEs from "../../../store/messages/es-AR.json";
import en from "../../messages/en.json";
import es from "../../messages/es-AR.json";
import { LOCALES } from "./locales";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [inner, text] of flatten(value, path)) out.set(inner, text);
  }
  return out;
}

/**
 * The arguments of an ICU message as "name" or "name:type" (plural, select…), and its rich-text tags as "<tag>",
 * sorted and unique. A small reader of the ICU syntax: arguments, nested branches, '…' quoting, <tag> chunks.
 */
function placeholders(message: string): string[] {
  const found = new Set<string>();
  let i = 0;
  function text(depth: number): void {
    while (i < message.length) {
      const char = message[i];
      if (char === "'" && (message[i + 1] === "{" || message[i + 1] === "}" || message[i + 1] === "'")) {
        const end = message.indexOf("'", i + 1);
        i = end === -1 ? message.length : end + 1;
      } else if (char === "{") {
        i += 1;
        argument();
      } else if (char === "}") {
        if (depth === 0) throw new Error(`Unbalanced "}" in ${JSON.stringify(message)}`);
        return;
      } else if (char === "<") {
        const tag = /^<\/?([A-Za-z][\w-]*)>/.exec(message.slice(i));
        if (tag?.[1]) found.add(`<${tag[1]}>`);
        i += tag ? tag[0].length : 1;
      } else i += 1;
    }
    if (depth > 0) throw new Error(`Unclosed "{" in ${JSON.stringify(message)}`);
  }
  function argument(): void {
    const head = /^\s*([A-Za-z_]\w*)\s*(?:,\s*(\w+)\s*)?(,)?/.exec(message.slice(i));
    if (!head?.[1]) throw new Error(`Bad argument at ${i} in ${JSON.stringify(message)}`);
    const [whole, name, type, more] = head;
    found.add(type ? `${name}:${type}` : name);
    i += whole.length;
    if (more && (type === "plural" || type === "select" || type === "selectordinal")) {
      // Branches: `selector {message}` until the argument's closing brace.
      for (;;) {
        const branch = /^\s*(offset:\d+\s*)?([=\w]+)\s*\{/.exec(message.slice(i));
        if (!branch) break;
        i += branch[0].length;
        text(1);
        i += 1; // the branch's "}"
      }
    } else if (more) {
      // A style such as {n, number, percent}: skip to the closing brace.
      i = message.indexOf("}", i);
    }
    const close = /^\s*\}/.exec(message.slice(i));
    if (!close) throw new Error(`Unclosed argument "${name}" in ${JSON.stringify(message)}`);
    i += close[0].length;
  }
  text(0);
  return [...found].sort();
}

// Both apps' catalogs: the register and back office here, the storefront's in apps/store (same locales, same rules).
const apps = { pos: { "es-AR": es, en }, store: { "es-AR": storeEs, en: storeEn } } as const;

describe.each(Object.entries(apps))("%s UI messages", (_app, trees) => {
  const catalogs = { "es-AR": flatten(trees["es-AR"]), en: flatten(trees.en) };

  it("have exactly the same keys in es-AR and en", () => {
    expect([...catalogs.en.keys()].sort()).toEqual([...catalogs["es-AR"].keys()].sort());
  });

  // Names only: one language may need a plural where the other takes the bare number ("{sold} sold").
  const names = (message: string) => [...new Set(placeholders(message).map((p) => p.split(":")[0]))].sort();
  it.each([...catalogs["es-AR"].keys()])("%s has the same placeholders in both languages", (key) => {
    expect(names(catalogs.en.get(key) ?? "")).toEqual(names(catalogs["es-AR"].get(key) ?? ""));
  });

  it.each(LOCALES)("every %s message is filled in and formats", (locale) => {
    const messages = catalogs[locale];
    const translate = createTranslator({
      locale,
      messages: trees[locale] as typeof es,
      onError: (error) => {
        throw error;
      },
    });
    for (const [key, message] of messages) {
      expect(message.trim(), key).not.toBe("");
      const values: Record<string, string | number | ((chunks: unknown) => string)> = {};
      for (const placeholder of placeholders(message)) {
        const tag = /^<(.+)>$/.exec(placeholder)?.[1];
        if (tag) values[tag] = (chunks) => String(chunks);
        else {
          const [name = "", type] = placeholder.split(":");
          values[name] = type === "plural" || type === "selectordinal" ? 2 : "x";
        }
      }
      const format = () =>
        message.includes("<")
          ? translate.markup(key as never, values as never)
          : translate(key as never, values as never);
      expect(format, key).not.toThrow();
      expect(format(), key).not.toContain(key);
    }
  });
});

describe("the message checks", () => {
  it("reads ICU arguments, branches and tags", () => {
    expect(placeholders("{count, plural, one {# venta de {name}} other {# ventas}} <b>ok</b> '{x}'")).toEqual([
      "<b>",
      "count:plural",
      "name",
    ]);
  });
});
