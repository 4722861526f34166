"use client";

import { useState, type SyntheticEvent } from "react";
import { useTranslations } from "next-intl";
import { Button, Card, CardDescription, CardTitle, Input } from "@pos/ui";
import { fromCents } from "@pos/validators";
import { trpc } from "~/trpc/react";
import { parseTypedAmount } from "./money";

/** No open drawer for this cashier here yet: count the float and open one. */
export function OpenSession({ branchId, branchName }: { branchId: number; branchName: string }) {
  const t = useTranslations("openSession");
  const utils = trpc.useUtils();
  const [float, setFloat] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const open = trpc.cashSessions.open.useMutation({
    onSuccess: () => utils.cashSessions.current.invalidate({ branchId }),
  });

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const cents = float.trim() === "" ? 0 : parseTypedAmount(float);
    if (cents === null) {
      setFieldError(t("invalidAmount"));
      return;
    }
    setFieldError(null);
    open.mutate({ branchId, openingFloat: fromCents(cents) });
  }

  return (
    <main className="flex flex-1 items-center justify-center px-4 py-10">
      <Card className="w-full max-w-md">
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription className="mb-6">{t("intro", { branch: branchName })}</CardDescription>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          <Input
            label={t("openingFloat")}
            autoFocus
            inputMode="decimal"
            value={float}
            onChange={(event) => setFloat(event.target.value)}
            placeholder="0,00"
            error={fieldError ?? open.error?.message}
          />
          <Button type="submit" size="lg" disabled={open.isPending}>
            {open.isPending ? t("opening") : t("submit")}
          </Button>
        </form>
      </Card>
    </main>
  );
}
