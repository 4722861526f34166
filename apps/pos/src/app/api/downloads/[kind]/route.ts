// The back office's CSV downloads (products, stock, sales, an import's error report, the import template). The
// manager check, the streaming and the file format live in @pos/api's handleCsvDownload; this supplies the session.
import { handleCsvDownload } from "@pos/api";
import { getDb } from "@pos/db";
import { getStaffUser } from "~/auth";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ kind: string }> }): Promise<Response> {
  const [{ kind }, user] = await Promise.all([params, getStaffUser()]);
  return handleCsvDownload({ request, session: user ? { user } : null, db: getDb(), kind });
}
