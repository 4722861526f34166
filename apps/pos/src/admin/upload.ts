import type { RouterOutputs } from "@pos/api";

type UploadTicket = RouterOutputs["images"]["prepareUpload"];

/**
 * Sends one file with an upload ticket (Cloudinary or this server's /api/uploads, which answer alike) and gives
 * back the stored file's public id; a refusal becomes an Error with the storage's own message.
 */
export async function uploadWithTicket(ticket: UploadTicket, file: File, failed: string): Promise<string> {
  const form = new FormData();
  for (const [key, value] of Object.entries(ticket.fields)) form.append(key, value);
  form.append(ticket.fileField, file);
  const response = await fetch(ticket.uploadUrl, { method: "POST", body: form });
  const body = (await response.json()) as { public_id?: string; error?: { message?: string } | string };
  if (!response.ok || !body.public_id) {
    throw new Error(typeof body.error === "string" ? body.error : (body.error?.message ?? failed));
  }
  return body.public_id;
}
