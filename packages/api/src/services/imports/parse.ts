// Reads an uploaded catalog file into header + rows of strings. The file is not trusted: its size, its kind (by
// content, not only by name), its encoding (UTF-8 with or without BOM, or the Windows-1252 that Argentine Excel
// writes as "CSV") and its separator (`;` from Excel in Spanish, `,` elsewhere, tab) are all checked here.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type FileProblem } from "@pos/validators";
import { DomainError } from "../../errors.ts";

export interface Sheet {
  headers: string[];
  /** Data rows (the header excluded), each as many cells as the header; `line` is the spreadsheet row number. */
  rows: { line: number; cells: string[] }[];
}

/** `problem` names the refusal for the back office, which says it in the manager's language. */
const refuse = (problem: FileProblem, message: string, details: Record<string, unknown> = {}) =>
  new DomainError("BAD_REQUEST", message, { problem, ...details });

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const isZip = (bytes: Uint8Array) => ZIP_MAGIC.every((byte, index) => bytes[index] === byte);

export async function readSheet(fileName: string, bytes: Uint8Array): Promise<Sheet> {
  if (bytes.byteLength === 0) throw refuse("empty", "The file is empty. Choose the file again.");
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw refuse("tooBig", "The file is larger than 2 MB; split it in parts and import them one by one.", {
      bytes: bytes.byteLength,
    });
  }
  const isXlsx = /\.xlsx$/i.test(fileName);
  if (isXlsx !== isZip(bytes)) {
    throw refuse(
      isXlsx ? "notXlsx" : "isWorkbook",
      isXlsx
        ? "This file is not a real .xlsx workbook. Save it again from Excel as .xlsx, or as CSV."
        : "This file is a workbook, not text. Save it as .xlsx or as CSV.",
    );
  }
  const table = isXlsx ? await readWorkbook(bytes) : readCsv(bytes);
  return toSheet(table);
}

/** UTF-8 (BOM stripped) when the bytes are valid UTF-8, else Windows-1252 (Excel's "CSV" on Windows). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.includes(0)) throw refuse("notText", "This file is not text. Choose a CSV or .xlsx file.");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

/** The separator of the header line: the most frequent of `;`, `,` and tab outside quotes. */
export function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const unquoted = firstLine.replace(/"[^"]*"/g, "");
  const counts = [";", ",", "\t"].map((delimiter) => [delimiter, unquoted.split(delimiter).length - 1] as const);
  const [best] = counts.sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ",";
}

/** A row of the file as read: its spreadsheet row number and its cells. */
interface Line {
  line: number;
  cells: string[];
}

function readCsv(bytes: Uint8Array): Line[] {
  const text = decodeText(bytes);
  try {
    const records = parse(text, {
      info: true,
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      // One row beyond the limit is enough to know it is too long.
      to_line: MAX_IMPORT_ROWS + 2,
      max_record_size: 64 * 1024,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map(({ record, info }) => ({ line: info.lines, cells: record }));
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw refuse(
      "unreadable",
      `The CSV could not be read${line ? ` near row ${line}` : ""}: check its quotes and separators.`,
      {
        ...(line ? { row: line } : {}),
      },
    );
  }
}

/** Text of a cell as the manager sees it in Excel (formulas by their result, links by their text). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("text" in value) return value.text;
    if ("result" in value) return value.result === undefined ? "" : cellText(value.result);
    if ("error" in value) return "";
    return "";
  }
  return String(value);
}

async function readWorkbook(bytes: Uint8Array): Promise<Line[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw refuse("badWorkbook", "The workbook could not be opened. Save it again from Excel as .xlsx, or as CSV.");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw refuse("badWorkbook", "The workbook has no sheets.");
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) throw tooManyRows();
  const rows: Line[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column += 1) cells.push(cellText(row.getCell(column).value));
    rows.push({ line: row.number, cells });
  });
  return rows;
}

const tooManyRows = () =>
  refuse(
    "tooManyRows",
    `The file has more than ${MAX_IMPORT_ROWS} rows; split it in parts and import them one by one.`,
    {
      maxRows: MAX_IMPORT_ROWS,
    },
  );

function toSheet(table: Line[]): Sheet {
  const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === "");
  const [header, ...rest] = table.filter((row) => !isBlank(row.cells));
  if (!header) throw refuse("noHeader", "The file has no header row. Start from the template.");
  const headers = header.cells.map((cell) => cell.trim());
  const rows = rest.map(({ line, cells }) => ({
    line,
    cells: headers.map((_, column) => (cells[column] ?? "").trim()),
  }));
  if (rows.length === 0) throw refuse("noRows", "The file has a header but no rows to import.");
  if (rows.length > MAX_IMPORT_ROWS) throw tooManyRows();
  return { headers, rows };
}
