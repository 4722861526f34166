"use client";

import { useState, type SyntheticEvent } from "react";
import { useTranslations } from "next-intl";
import { Button, Input } from "@pos/ui";
import { trpc } from "~/trpc/react";

/** A manager takes a completed register sale back whole, saying why (every line is restocked; audited). */
export function VoidSale({ saleId, status }: { saleId: number; status: string | undefined }) {
  const t = useTranslations("admin.sales");
  const utils = trpc.useUtils();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const voided = trpc.sales.void.useMutation({
    onSuccess: () => {
      setOpen(false);
      void utils.sales.invalidate();
    },
  });
  if (status !== "COMPLETED") return null;

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    voided.mutate({ saleId, reason: reason.trim() });
  }

  return open ? (
    <form onSubmit={submit} className="grid gap-2 rounded-card border border-line bg-white p-4">
      <Input
        label={t("voidReason")}
        autoFocus
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={voided.error?.message}
      />
      <div className="flex justify-end gap-2">
        <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
          {t("keep")}
        </Button>
        <Button type="submit" variant="danger" disabled={reason.trim().length < 3 || voided.isPending}>
          {t("voidConfirm")}
        </Button>
      </div>
    </form>
  ) : (
    <Button variant="ghost" size="lg" onClick={() => setOpen(true)}>
      {t("void")}
    </Button>
  );
}
