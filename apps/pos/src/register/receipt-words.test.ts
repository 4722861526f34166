import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import es from "../../messages/es-AR.json";
import { receiptWords } from "./receipt-words";

describe("receiptWords", () => {
  it("words the receipt in the shop's language, not the screen's", () => {
    expect(receiptWords("es-AR")("change")).toBe(es.receipt.change);
    expect(receiptWords("en-US")("change")).toBe(en.receipt.change);
    expect(receiptWords("es-AR")("size", { size: "42" })).toContain("42");
  });

  it("falls back to Spanish for a shop locale we have no words for", () => {
    expect(receiptWords("pt-BR")("total")).toBe(es.receipt.total);
  });
});
