// The small subset of ICU the storefront's interactive parts use, formatted in the browser: {name} arguments and
// {count, plural, =0 {…} one {…} other {…}} with # for the number. words.test.ts checks it against next-intl.

type Values = Record<string, string | number>;

/** Formats {name} and {n, plural, …} (with # for the number) in a message; anything else is left as written. */
export function formatMessage(message: string, values: Values, locale: string): string {
  let out = "";
  let i = 0;
  while (i < message.length) {
    const open = message.indexOf("{", i);
    if (open === -1) break;
    out += message.slice(i, open);
    const close = matching(message, open);
    out += argument(message.slice(open + 1, close), values, locale);
    i = close + 1;
  }
  return out + message.slice(i);
}

/** The index of the brace closing the one at `open`. */
function matching(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  throw new Error(`Unclosed "{" in ${JSON.stringify(text)}`);
}

function argument(body: string, values: Values, locale: string): string {
  const plural = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(body);
  if (!plural) {
    const name = body.trim();
    return name in values ? String(values[name]) : `{${name}}`;
  }
  const [, name = "", branchesText = ""] = plural;
  const count = Number(values[name]);
  const branches = new Map<string, string>();
  let i = 0;
  while (i < branchesText.length) {
    const selector = /^\s*([=\w]+)\s*\{/.exec(branchesText.slice(i));
    if (!selector?.[1]) break;
    const open = i + selector[0].length - 1;
    const close = matching(branchesText, open);
    branches.set(selector[1], branchesText.slice(open + 1, close));
    i = close + 1;
  }
  const chosen =
    branches.get(`=${count}`) ??
    branches.get(new Intl.PluralRules(locale).select(count)) ??
    branches.get("other") ??
    "";
  return formatMessage(chosen, values, locale).replaceAll("#", new Intl.NumberFormat(locale).format(count));
}
