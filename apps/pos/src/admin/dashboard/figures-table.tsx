"use client";

import type { ReactNode } from "react";

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  /** Figures are right-aligned with tabular digits. */
  numeric?: boolean;
}

/** A small titled table of figures, with a quiet line instead of an empty grid when there is nothing. */
export function FiguresTable<Row>(props: {
  title: string;
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  rowKey: (row: Row) => string | number;
  empty: string;
  testId?: string;
}) {
  return (
    <section className="min-w-0 rounded-card border border-line bg-white" data-testid={props.testId}>
      <h2 className="border-b border-line px-5 py-3 text-sm font-semibold">{props.title}</h2>
      {props.rows.length === 0 ? (
        <p className="px-5 py-6 text-sm text-muted">{props.empty}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="text-xs text-muted">
              <tr>
                {props.columns.map((column) => (
                  <th
                    key={column.header}
                    scope="col"
                    className={`px-5 py-2 font-medium ${column.numeric ? "text-right" : "text-left"}`}
                  >
                    {column.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.rows.map((row) => (
                <tr key={props.rowKey(row)} className="border-t border-line">
                  {props.columns.map((column) => (
                    <td
                      key={column.header}
                      className={`px-5 py-2 ${column.numeric ? "text-right tabular-nums" : "max-w-56 truncate"}`}
                    >
                      {column.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
