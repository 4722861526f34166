"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@pos/ui";
import { trpc } from "~/trpc/react";
import { NewTransfer } from "./new-transfer";
import { ErrorNote, Heading } from "../ui";

type Branch = { id: number; name: string };

/**
 * Stock moving between branches: prepared as a draft, sent (it leaves the origin's stock), received (it enters the
 * destination's). Every step is a pair of ledger movements made by the API; this page only asks for them.
 */
export function Transfers({ branches }: { branches: readonly Branch[] }) {
  const t = useTranslations("admin.transfers");
  const utils = trpc.useUtils();
  const list = trpc.transfers.list.useQuery({});
  const refresh = () => void utils.transfers.list.invalidate();
  const send = trpc.transfers.send.useMutation({ onSuccess: refresh });
  const receive = trpc.transfers.receive.useMutation({ onSuccess: refresh });
  const cancel = trpc.transfers.cancel.useMutation({ onSuccess: refresh });
  const [creating, setCreating] = useState(false);
  const busy = send.isPending || receive.isPending || cancel.isPending;
  const error = list.error ?? send.error ?? receive.error ?? cancel.error;

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <Heading title={t("title")} subtitle={t("subtitle")} />
        {!creating && <Button onClick={() => setCreating(true)}>{t("new")}</Button>}
      </div>
      {creating && (
        <NewTransfer
          branches={branches}
          onCreated={() => {
            setCreating(false);
            refresh();
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      {error && <ErrorNote>{error.message}</ErrorNote>}
      <section aria-label={t("list")} className="rounded-card border border-line bg-white">
        {list.data?.items.length === 0 ? (
          <div className="px-5 py-10 text-center">
            <p className="font-medium">{t("emptyTitle")}</p>
            <p className="mt-1 text-sm text-muted">{t("emptyBody")}</p>
          </div>
        ) : (
          <ul>
            {(list.data?.items ?? []).map((transfer) => {
              const units = transfer.items.reduce((sum, item) => sum + item.quantity, 0);
              const ref = { transferId: transfer.id };
              return (
                <li
                  key={transfer.id}
                  data-testid="transfer"
                  className="flex flex-wrap items-center justify-between gap-3 border-b border-line px-5 py-4 last:border-0"
                >
                  <div className="min-w-0">
                    <p className="font-medium">
                      {t("route", { from: transfer.fromBranch.name, to: transfer.toBranch.name })}
                      <span className="ml-2 rounded-full bg-surface px-2 py-0.5 text-xs font-medium text-muted">
                        {t(`statuses.${transfer.status}`)}
                      </span>
                    </p>
                    <p className="truncate text-sm text-muted">
                      {t("units", { count: units })} ·{" "}
                      {transfer.items
                        .map(
                          (item) =>
                            `${item.variant.product.name}${item.variant.sizeLabel ? ` ${item.variant.sizeLabel}` : ""} ×${item.quantity}`,
                        )
                        .join(", ")}
                    </p>
                    {transfer.notes && <p className="text-sm">{transfer.notes}</p>}
                  </div>
                  <div className="flex gap-2">
                    {(transfer.status === "DRAFT" || transfer.status === "SENT") && (
                      <Button size="sm" variant="ghost" disabled={busy} onClick={() => cancel.mutate(ref)}>
                        {t("cancel")}
                      </Button>
                    )}
                    {transfer.status === "DRAFT" && (
                      <Button size="sm" disabled={busy} onClick={() => send.mutate(ref)}>
                        {t("send")}
                      </Button>
                    )}
                    {transfer.status === "SENT" && (
                      <Button size="sm" disabled={busy} onClick={() => receive.mutate(ref)}>
                        {t("receive")}
                      </Button>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
