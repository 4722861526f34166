import { describe, expect, it } from "vitest";
import { moved } from "./reorder";

describe("moved", () => {
  it("moves an item forwards and backwards without touching the input", () => {
    const items = ["a", "b", "c", "d"] as const;
    expect(moved(items, 0, 2)).toEqual(["b", "c", "a", "d"]);
    expect(moved(items, 3, 0)).toEqual(["d", "a", "b", "c"]);
    expect(moved(items, 1, 1)).toEqual(["a", "b", "c", "d"]);
    expect(items).toEqual(["a", "b", "c", "d"]);
  });

  it("leaves the list alone for a position that is not there", () => {
    expect(moved(["a", "b"], 5, 0)).toEqual(["a", "b"]);
  });
});
