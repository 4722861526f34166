"use client";

import { useEffect, useRef, useState, type SyntheticEvent } from "react";
import { useTranslations } from "next-intl";
import { Button, Input } from "@pos/ui";
import { lineRefundCents, PAYMENT_TYPES, toCents } from "@pos/validators";
import { trpc } from "~/trpc/react";
import { Dialog } from "./dialog";
import { usePaymentLabel } from "./labels";
import { money, type StoreMoney } from "./money";

interface Choice {
  quantity: number;
  damaged: boolean;
}

/**
 * A return against a past sale: scan its receipt (or type its number), choose what comes back and how many
 * (never more than is left of each line), whether it goes back on the shelf, and how the money is handed back.
 * The refund shown is the server's arithmetic (lineRefundCents over what was paid for each line).
 */
export function ReturnDialog(props: {
  store: StoreMoney;
  /** A receipt scanned into the register's scan field: looked up at once. */
  initialReference?: string;
  onDone: (message: string) => void;
  onClose: () => void;
}) {
  const t = useTranslations("return");
  const paymentLabel = usePaymentLabel();
  const utils = trpc.useUtils();
  const [reference, setReference] = useState(props.initialReference ?? "");
  const [sale, setSale] = useState<{ id: number; reference: string } | null>(null);
  const [findError, setFindError] = useState<string | null>(null);
  const [choices, setChoices] = useState<Record<number, Choice>>({});
  const [refundMethod, setRefundMethod] = useState<(typeof PAYMENT_TYPES)[number]>("CASH");
  const clientId = useRef(crypto.randomUUID());
  const returnable = trpc.sales.returnable.useQuery(
    { saleId: sale?.id ?? 0 },
    { enabled: sale !== null, staleTime: 0 },
  );
  const submit = trpc.sales.return.useMutation({
    onSuccess: (result) =>
      props.onDone(
        t("done", {
          reference: result.reference,
          amount: money(toCents(result.refundAmount), props.store),
          method: paymentLabel(result.refundMethod).toLowerCase(),
        }),
      ),
  });

  async function lookUp(reference: string) {
    setFindError(null);
    try {
      const found = await utils.client.sales.find.query({ reference });
      setSale({ id: found.id, reference: found.reference });
      setChoices({});
    } catch (error) {
      setFindError(error instanceof Error ? error.message : String(error));
    }
  }

  function find(event: SyntheticEvent) {
    event.preventDefault();
    void lookUp(reference);
  }

  const scanned = useRef(props.initialReference);
  useEffect(() => {
    // Once, for the receipt that opened the dialog.
    if (scanned.current) void lookUp(scanned.current);
    scanned.current = undefined;
  });

  const lines = returnable.data?.lines ?? [];
  const chosen = lines.flatMap((line) => {
    const choice = choices[line.saleItemId];
    return choice && choice.quantity > 0 ? [{ line, choice }] : [];
  });
  const refund = chosen.reduce(
    (sum, { line, choice }) => sum + lineRefundCents(toCents(line.paid), line.sold, line.returned, choice.quantity),
    0,
  );

  function setQuantity(saleItemId: number, quantity: number, left: number) {
    setChoices((current) => ({
      ...current,
      [saleItemId]: { damaged: current[saleItemId]?.damaged ?? false, quantity: Math.max(0, Math.min(left, quantity)) },
    }));
  }

  return (
    <Dialog title={t("title")} onClose={props.onClose} wide>
      <form onSubmit={find} className="mb-5 flex items-end gap-3">
        <div className="flex-1">
          <Input
            label={t("receipt")}
            hint={t("receiptHint")}
            autoFocus
            value={reference}
            onChange={(event) => setReference(event.target.value)}
            error={findError ?? undefined}
          />
        </div>
        <Button type="submit" variant="secondary" size="lg">
          {t("find")}
        </Button>
      </form>

      {sale && returnable.data && (
        <div className="grid gap-4">
          <h3 className="font-semibold">{t("sale", { reference: sale.reference })}</h3>
          {returnable.data.status !== "COMPLETED" && (
            <p role="alert" className="rounded-lg bg-danger-soft px-4 py-3 text-sm text-danger">
              {t("notReturnable", { status: returnable.data.status })}
            </p>
          )}
          <ul className="grid gap-2">
            {lines.map((line) => {
              const left = line.sold - line.returned;
              const choice = choices[line.saleItemId] ?? { quantity: 0, damaged: false };
              const label = line.sizeLabel
                ? t("productSize", { product: line.productName, size: line.sizeLabel })
                : line.productName;
              return (
                <li
                  key={line.saleItemId}
                  className="grid items-center gap-3 rounded-xl border border-line px-4 py-3 sm:grid-cols-[1fr_auto_auto]"
                >
                  <div>
                    <p className="font-medium">{label}</p>
                    <p className="text-sm text-muted">
                      {t("lineSummary", {
                        sold: line.sold,
                        returned: line.returned,
                        paid: money(toCents(line.paid), props.store),
                      })}
                    </p>
                  </div>
                  <div className="flex items-center gap-1">
                    <button
                      type="button"
                      aria-label={t("oneLess", { product: label })}
                      className="size-9 rounded-md border border-line hover:bg-surface disabled:opacity-40"
                      disabled={choice.quantity === 0}
                      onClick={() => setQuantity(line.saleItemId, choice.quantity - 1, left)}
                    >
                      −
                    </button>
                    <span className="w-10 text-center tabular-nums" aria-label={t("toReturn", { product: label })}>
                      {choice.quantity}/{left}
                    </span>
                    <button
                      type="button"
                      aria-label={t("oneMore", { product: label })}
                      className="size-9 rounded-md border border-line hover:bg-surface disabled:opacity-40"
                      disabled={choice.quantity >= left}
                      onClick={() => setQuantity(line.saleItemId, choice.quantity + 1, left)}
                    >
                      +
                    </button>
                  </div>
                  <label className="flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      checked={choice.damaged}
                      disabled={choice.quantity === 0}
                      onChange={(event) =>
                        setChoices((current) => ({
                          ...current,
                          [line.saleItemId]: { quantity: choice.quantity, damaged: event.target.checked },
                        }))
                      }
                    />
                    {t("damaged")}
                  </label>
                </li>
              );
            })}
          </ul>
          <label className="flex items-center gap-3 text-sm font-medium">
            {t("refundIn")}
            <select
              className="h-11 rounded-lg border border-line bg-white px-3 text-base"
              value={refundMethod}
              onChange={(event) => setRefundMethod(event.target.value as (typeof PAYMENT_TYPES)[number])}
            >
              {PAYMENT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {paymentLabel(type)}
                </option>
              ))}
            </select>
          </label>
          {submit.error && (
            <p role="alert" className="rounded-lg bg-danger-soft px-4 py-3 text-sm text-danger">
              {submit.error.message}
            </p>
          )}
          <Button
            size="lg"
            disabled={chosen.length === 0 || submit.isPending}
            onClick={() =>
              submit.mutate({
                clientId: clientId.current,
                saleId: sale.id,
                refundMethod,
                lines: chosen.map(({ line, choice }) => ({
                  saleItemId: line.saleItemId,
                  quantity: choice.quantity,
                  restock: !choice.damaged,
                })),
              })
            }
          >
            {t("refund", { amount: money(refund, props.store) })}
          </Button>
        </div>
      )}
    </Dialog>
  );
}
