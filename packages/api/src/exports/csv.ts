// CSV as Excel in Spanish opens it: UTF-8 with a BOM (or accents come out garbled), `;` between cells (the list
// separator of es-AR Windows), decimal commas, CRLF. Written as a stream, one page of rows at a time, so a large
// export never sits whole in memory.
import type { Prisma } from "@pos/db";

export const CSV_SEPARATOR = ";";
const BOM = "\uFEFF";

/**
 * One cell, quoted when it must be. A cell that starts like a formula (=, +, @) gets a leading apostrophe, so a
 * product named "=HYPERLINK(…)" is shown as text and never run by the spreadsheet.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "boolean" ? (value ? "si" : "no") : String(value);
  if (/^[=+@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: readonly (string | number | boolean | null | undefined)[]) =>
  cells.map(csvCell).join(CSV_SEPARATOR) + "\r\n";

/** Money with a decimal comma ("15999,50"), which the import reads back exactly. */
export const csvAmount = (value: Prisma.Decimal | null) => (value === null ? "" : value.toFixed(2).replace(".", ","));

/** Header, then every page the source yields, encoded as the stream is read (backpressure: one page per pull). */
export function csvStream(
  header: readonly string[],
  pages: AsyncIterable<readonly (readonly (string | number | boolean | null | undefined)[])[]>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = pages[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(BOM + csvLine(header)));
    },
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map(csvLine).join("")));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
