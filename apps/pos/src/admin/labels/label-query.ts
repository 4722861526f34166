// The label sheet's address: `/admin/labels?product=12&items=31x3,32x1` (variant 31 three times, 32 once).

/** Most labels one sheet request makes: ten A4 pages, past any sensible shelf run. */
export const MAX_LABELS = 240;

export function labelsHref(productId: number, items: readonly { variantId: number; copies: number }[]): string {
  const list = items.filter((item) => item.copies > 0).map((item) => `${item.variantId}x${item.copies}`);
  return `/admin/labels?product=${productId}&items=${list.join(",")}`;
}

/** The variants and copies an address asks for; malformed parts are dropped and the total is capped. */
export function parseLabelItems(text: string | undefined): { variantId: number; copies: number }[] {
  let left = MAX_LABELS;
  const items: { variantId: number; copies: number }[] = [];
  for (const part of (text ?? "").split(",")) {
    const match = /^(\d{1,9})x(\d{1,4})$/.exec(part.trim());
    if (!match) continue;
    const copies = Math.min(Number(match[2]), left);
    if (copies <= 0) continue;
    items.push({ variantId: Number(match[1]), copies });
    left -= copies;
  }
  return items;
}
