import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@pos/api";

/** A staff role as people read it, in the UI's language. */
export async function roleLabel(role: SessionUser["role"]): Promise<string> {
  const t = await getTranslations("roles");
  return t(role);
}
