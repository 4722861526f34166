// Receives image uploads when they are stored on local disk (no CLOUDINARY_URL). The checks — manager or
// admin, size, type, product — live in @pos/api's handleLocalUpload; this only supplies the session.
import { defaultImageStorage, handleLocalUpload } from "@pos/api";
import { getDb } from "@pos/db";
import { getStaffUser } from "~/auth";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const user = await getStaffUser();
  return handleLocalUpload({
    request,
    session: user ? { user } : null,
    db: getDb(),
    storage: defaultImageStorage(),
  });
}
