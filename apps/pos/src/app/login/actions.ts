"use server";

import { getTranslations } from "next-intl/server";
import { AuthError, lockedUntilOf } from "@pos/auth";
import { signIn } from "~/auth";
import { lockoutWait } from "./lockout";

export interface LoginState {
  error: string | null;
  /** Echoed back so a typo in the password does not cost retyping the email. */
  email: string;
}

function text(form: FormData, field: string): string {
  const value = form.get(field);
  return typeof value === "string" ? value : "";
}

export async function login(_previous: LoginState, form: FormData): Promise<LoginState> {
  const email = text(form, "email");
  const password = text(form, "password");
  try {
    // On success this throws Next's redirect, which must propagate (hence the rethrow below).
    await signIn("credentials", { email, password, redirectTo: "/" });
  } catch (error) {
    if (error instanceof AuthError) {
      const t = await getTranslations("login");
      const lockedUntil = lockedUntilOf(error);
      if (lockedUntil) {
        const wait = lockoutWait(lockedUntil, new Date());
        return {
          email,
          error: t(wait.unit === "seconds" ? "lockedSeconds" : "lockedMinutes", { count: wait.count }),
        };
      }
      // One message for unknown email, wrong password and disabled account: no hint which one it was.
      return { email, error: error.type === "CredentialsSignin" ? t("wrongCredentials") : t("failed") };
    }
    throw error;
  }
  return { email, error: null };
}
