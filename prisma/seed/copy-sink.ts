// The large seed's sink: rows become COPY text lines as they are pushed (no row objects are kept) and each
// flush streams every table's lines through `COPY … FROM STDIN`, parents first, on one connection. COPY skips
// per-statement overhead entirely; with the schema's indexes and foreign keys kept, PostgreSQL still checks
// every row.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { TABLE_ORDER, type RowSink, type Rows, type TableName } from "./rows.ts";

/** COPY text format: backslash escapes for the characters that delimit fields and rows. */
function escapeText(text: string): string {
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r")
    : text;
}

function arrayLiteral(items: readonly unknown[]): string {
  return `{${items.map((item) => `"${String(item).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
}

function field(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  switch (typeof value) {
    case "string":
      return escapeText(value);
    case "number":
    case "bigint":
      return String(value);
    case "boolean":
      return value ? "t" : "f";
    default:
      if (value instanceof Date) return value.toISOString();
      if (Array.isArray(value)) return escapeText(arrayLiteral(value));
      return escapeText(JSON.stringify(value));
  }
}

interface TableBuffer {
  columns: string[];
  lines: string[];
}

export class CopySink implements RowSink {
  private readonly buffers = new Map<TableName, TableBuffer>();
  /** Rows PostgreSQL confirmed, for the progress line. */
  rows = 0;

  constructor(
    private readonly client: pg.ClientBase,
    private readonly onRows?: (rows: number) => void,
  ) {}

  push<T extends TableName>(table: T, row: Rows[T]): void {
    const record: Record<string, unknown> = row;
    let buffer = this.buffers.get(table);
    if (!buffer) {
      // The first row fixes the column list: rows carry every column (see rows.ts), in a constant order.
      buffer = { columns: Object.keys(record), lines: [] };
      this.buffers.set(table, buffer);
    }
    let line = "";
    for (const column of buffer.columns) line += (line ? "\t" : "") + field(record[column]);
    buffer.lines.push(`${line}\n`);
  }

  private async copyTable(table: TableName, buffer: TableBuffer): Promise<void> {
    const lines = buffer.lines;
    buffer.lines = [];
    if (lines.length === 0) return;
    const columns = buffer.columns.map((column) => `"${column}"`).join(", ");
    const stream = this.client.query(copyFrom(`COPY "${table}" (${columns}) FROM STDIN`));
    // Hand the socket ~256 kB pieces: few writes, bounded extra memory.
    function* chunks(): Generator<string> {
      let chunk = "";
      for (const line of lines) {
        chunk += line;
        if (chunk.length > 262_144) {
          yield chunk;
          chunk = "";
        }
      }
      if (chunk) yield chunk;
    }
    await pipeline(Readable.from(chunks()), stream);
    this.rows += stream.rowCount;
  }

  async flush(): Promise<void> {
    for (const table of TABLE_ORDER) {
      const buffer = this.buffers.get(table);
      if (buffer) await this.copyTable(table, buffer);
    }
    this.onRows?.(this.rows);
  }

  async sql(statement: string): Promise<void> {
    await this.client.query(statement);
  }
}
