// The CSV downloads of the back office (products, stock, sales, an import's errors, the import template), for
// managers and admins. Framework-free like the upload handler: apps/pos's routes only supply the session, and the
// role is read from the database on every request, so a demoted manager loses the downloads at once.
import type { Db, Role } from "@pos/db";
import { importTemplateCsv } from "@pos/validators";
import type { Session } from "../context.ts";
import { httpStatusOf, isDomainError } from "../errors.ts";
import { loadStaffProfile } from "../services/staff.ts";
import { csvStream } from "./csv.ts";
import { importErrorsCsv, productsCsv, salesCsv, stockCsv, type CsvSource } from "./sources.ts";

export const CSV_DOWNLOADS = ["products", "stock", "sales", "import-errors", "import-template"] as const;
export type CsvDownload = (typeof CSV_DOWNLOADS)[number];

export interface CsvDownloadRequest {
  request: Request;
  session: Session;
  db: Db;
  /** The route's `[kind]` segment, unchecked. */
  kind: string;
}

const EXPORTERS: readonly Role[] = ["MANAGER", "ADMIN"];

const refuse = (status: number, message: string) =>
  new Response(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

const isDownload = (kind: string): kind is CsvDownload => (CSV_DOWNLOADS as readonly string[]).includes(kind);

async function sourceOf(db: Db, kind: CsvDownload, params: URLSearchParams): Promise<CsvSource | string> {
  switch (kind) {
    case "products":
      return productsCsv(db);
    case "stock":
      return stockCsv(db);
    case "sales":
      return salesCsv(db, { from: params.get("from"), to: params.get("to") });
    case "import-errors":
      return importErrorsCsv(db, Number(params.get("job")) || 0);
    case "import-template":
      return importTemplateCsv();
  }
}

export async function handleCsvDownload({ request, session, db, kind }: CsvDownloadRequest): Promise<Response> {
  if (request.method !== "GET") return refuse(405, "Download with GET.");
  if (!isDownload(kind)) return refuse(404, "There is no such download.");
  if (!session) return refuse(401, "Sign in to continue.");
  try {
    const profile = await loadStaffProfile(db, session.user.id);
    if (!EXPORTERS.includes(profile.role)) return refuse(403, "Only managers and admins can download these files.");
    const source = await sourceOf(db, kind, new URL(request.url).searchParams);
    const body =
      typeof source === "string" ? new TextEncoder().encode(`\uFEFF${source}`) : csvStream(source.header, source.pages);
    const fileName = typeof source === "string" ? "plantilla_productos.csv" : source.fileName;
    return new Response(body, {
      status: 200,
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (isDomainError(error)) return refuse(httpStatusOf[error.code], error.message);
    throw error;
  }
}
