// URL slugs for categories and products: readable ("zapatilla-runner"), unique (a suffix on collision).

const MAX_SLUG = 80;

/** "Zapatilla Running Ñandú 2.0" → "zapatilla-running-nandu-2-0". */
export function slugify(text: string): string {
  const slug = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SLUG)
    .replace(/-+$/, "");
  return slug || "item";
}

/**
 * The first free slug among base, base-2, base-3…, given the slugs already taken that start with base
 * (the caller reads them with one `startsWith` query).
 */
export function firstFreeSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

type SlugReader = (args: {
  where: { slug: { startsWith: string } };
  select: { slug: true };
}) => Promise<{ slug: string }[]>;

/** A unique slug for `name` in a table whose rows are read by `findMany`. */
export async function uniqueSlug(findMany: SlugReader, name: string, current?: string): Promise<string> {
  const base = slugify(name);
  if (current !== undefined && (current === base || new RegExp(`^${base}-\\d+$`).test(current))) return current;
  const rows = await findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
  return firstFreeSlug(
    base,
    rows.map((row) => row.slug),
  );
}
