import { describe, expect, it } from "vitest";
import { labelsHref, MAX_LABELS, parseLabelItems } from "./label-query";

describe("label sheet address", () => {
  it("round-trips the chosen variants and copies, leaving out sizes with none", () => {
    const href = labelsHref(12, [
      { variantId: 31, copies: 3 },
      { variantId: 32, copies: 0 },
      { variantId: 33, copies: 1 },
    ]);
    expect(href).toBe("/admin/labels?product=12&items=31x3,33x1");
    expect(parseLabelItems(new URL(href, "http://x").searchParams.get("items") ?? undefined)).toEqual([
      { variantId: 31, copies: 3 },
      { variantId: 33, copies: 1 },
    ]);
  });

  it("drops malformed parts and caps the total", () => {
    expect(parseLabelItems("7x2,abc,8x-1,9x,x3,10x1")).toEqual([
      { variantId: 7, copies: 2 },
      { variantId: 10, copies: 1 },
    ]);
    const capped = parseLabelItems(`1x${MAX_LABELS - 5},2x100,3x4`);
    expect(capped).toEqual([
      { variantId: 1, copies: MAX_LABELS - 5 },
      { variantId: 2, copies: 5 },
    ]);
    expect(parseLabelItems(undefined)).toEqual([]);
  });
});
