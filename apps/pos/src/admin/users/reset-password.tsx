"use client";

import { useState, type SyntheticEvent } from "react";
import { useTranslations } from "next-intl";
import { Button, Input } from "@pos/ui";
import { MIN_PASSWORD_LENGTH, ZPassword } from "@pos/validators";
import { Dialog } from "~/register/dialog";
import { trpc } from "~/trpc/react";

/** A password the admin chooses and tells the person in person (no email is sent). */
export function ResetPassword({ user, onClose }: { user: { id: number; name: string }; onClose: () => void }) {
  const t = useTranslations("admin.users");
  const [password, setPassword] = useState("");
  const [tooShort, setTooShort] = useState(false);
  const reset = trpc.users.resetPassword.useMutation();

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const valid = ZPassword.safeParse(password).success;
    setTooShort(!valid);
    if (valid) reset.mutate({ id: user.id, password });
  }

  return (
    <Dialog title={t("resetTitle", { name: user.name })} onClose={onClose}>
      {reset.isSuccess ? (
        <div className="grid gap-4">
          <p role="status" className="rounded-lg bg-brand-50 px-4 py-3 text-sm text-brand-900">
            {t("resetDone", { name: user.name })}
          </p>
          <Button onClick={onClose}>{t("close")}</Button>
        </div>
      ) : (
        <form onSubmit={submit} noValidate className="grid gap-4">
          <Input
            label={t("newPassword")}
            hint={t("passwordHint", { min: MIN_PASSWORD_LENGTH })}
            type="password"
            autoComplete="new-password"
            autoFocus
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={tooShort ? t("errors.password", { min: MIN_PASSWORD_LENGTH }) : reset.error?.message}
          />
          <Button type="submit" disabled={reset.isPending}>
            {t("resetSubmit")}
          </Button>
        </form>
      )}
    </Dialog>
  );
}
