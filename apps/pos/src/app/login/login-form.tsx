"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button, Input } from "@pos/ui";
import { login, type LoginState } from "./actions";

const initialState: LoginState = { error: null, email: "" };

export function LoginForm() {
  const t = useTranslations("login");
  const [state, action, pending] = useActionState(login, initialState);
  return (
    <form action={action} className="flex flex-col gap-5">
      {state.error ? (
        <div role="alert" className="rounded-lg border border-danger/30 bg-danger-soft px-3 py-2.5 text-sm text-danger">
          {state.error}
        </div>
      ) : null}
      <Input
        label={t("email")}
        name="email"
        type="email"
        autoComplete="username"
        inputMode="email"
        required
        autoFocus
        defaultValue={state.email}
        placeholder={t("emailPlaceholder")}
      />
      <Input label={t("password")} name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" size="lg" disabled={pending} className="mt-1 w-full">
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
