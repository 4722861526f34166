"use client";

import { useMemo, useRef, useState, type SyntheticEvent } from "react";
import { useTranslations } from "next-intl";
import type { RouterOutputs } from "@pos/api";
import { Button, Input } from "@pos/ui";
import { fromCents, type Cents } from "@pos/validators";
import { trpc } from "~/trpc/react";
import {
  cartDue,
  cartTotals,
  changeDue,
  paymentAdjustment,
  saleRequest,
  type CartLine,
  type CartPayment,
  type PaymentMethod,
} from "./cart";
import { Dialog } from "./dialog";
import type { QueuedSale } from "./offline/local-db";
import { isUnreachable, type Outbox } from "./offline/outbox";
import { money, parseTypedAmount, type StoreMoney } from "./money";

interface Row {
  key: number;
  methodId: number;
  /** What the cashier typed: the part of the total this method pays, and for cash what was handed over. */
  base: string;
  tendered: string;
  installments: number;
}

const typed = (cents: Cents) => fromCents(cents).replace(".", ",");

/**
 * Taking payment: one or several methods, each settling part of what is due. Card surcharges and cash discounts
 * show before confirming, computed exactly as the server will; the change is shown large.
 */
export function PayDialog(props: {
  branchId: number;
  lines: readonly CartLine[];
  saleDiscount: Cents;
  /** Who the sale is for, when the cashier attached someone. */
  customerId?: number;
  due: Cents;
  pricesIncludeTax: boolean;
  methods: readonly PaymentMethod[];
  store: StoreMoney;
  outbox: Outbox;
  onPaid: (sale: RouterOutputs["sales"]["create"]) => void;
  /** The server could not be reached: the sale is safe in the queue and goes out when it can. */
  onQueued: (sale: QueuedSale) => void;
  onClose: () => void;
}) {
  const t = useTranslations("pay");
  const methods = useMemo(() => new Map(props.methods.map((method) => [method.id, method])), [props.methods]);
  const [rows, setRows] = useState<Row[]>([]);
  const nextKey = useRef(1);
  // One id per attempt to sell this cart: a retry after a timeout is the same sale, never a second one.
  const clientId = useRef(crypto.randomUUID());
  const utils = trpc.useUtils();
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const parsed = rows.map((row) => ({
    row,
    base: parseTypedAmount(row.base),
    tendered: row.tendered.trim() === "" ? undefined : parseTypedAmount(row.tendered),
  }));
  const assigned = parsed.reduce((sum, entry) => sum + (entry.base ?? 0), 0);
  const remaining = props.due - assigned;
  const valid = parsed.every((entry) => entry.base !== null && entry.base > 0 && entry.tendered !== null);
  const payments: CartPayment[] = parsed.map(({ row, base, tendered }) => ({
    methodId: row.methodId,
    base: base ?? 0,
    installments: row.installments,
    tendered: tendered ?? undefined,
  }));
  // Only a complete split has totals (computeSaleTotals refuses payments that do not add up to what is due).
  const totals =
    valid && rows.length > 0 && remaining === 0
      ? cartTotals(props.lines, props.pricesIncludeTax, payments, methods, props.saleDiscount)
      : null;
  const short = totals
    ? payments.findIndex(
        (payment, index) => payment.tendered !== undefined && payment.tendered < (totals.payments[index]?.amount ?? 0),
      )
    : -1;
  const change = totals ? changeDue(totals, payments) : 0;
  const ready = totals !== null && short === -1 && !sending;

  function addMethod(method: PaymentMethod) {
    const key = nextKey.current++;
    setRows((current) => [
      ...current,
      { key, methodId: method.id, base: typed(Math.max(remaining, 0)), tendered: "", installments: 1 },
    ]);
  }

  function update(key: number, patch: Partial<Row>) {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  }

  async function send(total: Cents) {
    const request = saleRequest({
      clientId: clientId.current,
      branchId: props.branchId,
      lines: props.lines,
      payments,
      total,
      saleDiscount: props.saleDiscount,
      customerId: props.customerId,
    });
    const queued: QueuedSale = {
      clientId: clientId.current,
      branchId: props.branchId,
      request,
      madeAt: Date.now(),
      status: "pending",
      summary: {
        total: fromCents(total),
        change: fromCents(change),
        lines: props.lines.map((line) => ({
          name: line.item.name,
          size: line.item.sizeLabel,
          quantity: line.quantity,
          amount: fromCents(cartDue([line], props.pricesIncludeTax)),
        })),
      },
    };
    // Into the queue before the first byte leaves: whatever happens next, the sale is not lost.
    await props.outbox.enqueue(queued);
    if (!navigator.onLine) {
      props.outbox.release(queued.clientId);
      props.onQueued(queued);
      return;
    }
    try {
      const result = await utils.client.sales.create.mutate(request);
      await props.outbox.forget(queued.clientId);
      props.onPaid(result);
    } catch (error) {
      if (isUnreachable(error)) {
        props.outbox.release(queued.clientId);
        props.onQueued(queued);
        return;
      }
      // Refused (stock, prices, drawer): nothing was recorded, so it leaves the queue and the cashier fixes it.
      await props.outbox.forget(queued.clientId);
      setRefusal(error instanceof Error ? error.message : String(error));
    }
  }

  function confirm(event: SyntheticEvent) {
    event.preventDefault();
    if (!ready) return;
    setSending(true);
    setRefusal(null);
    void send(totals.total).finally(() => setSending(false));
  }

  return (
    <Dialog title={t("title")} onClose={props.onClose} wide>
      <form onSubmit={confirm} className="grid gap-5">
        <div className="flex items-end justify-between gap-4 rounded-xl bg-surface px-5 py-4">
          <div>
            <p className="text-sm text-muted">{t("total")}</p>
            <p className="text-4xl font-semibold tabular-nums" data-testid="pay-total">
              {money(totals?.total ?? props.due, props.store)}
            </p>
          </div>
          <div className="text-right text-sm">
            <p className="text-muted">{t("remaining")}</p>
            <p
              className={`text-lg font-semibold tabular-nums ${remaining === 0 ? "text-ok-ink" : "text-danger"}`}
              data-testid="pay-remaining"
            >
              {money(remaining, props.store)}
            </p>
          </div>
        </div>

        <fieldset>
          <legend className="mb-2 text-sm font-medium">{t("addMethod")}</legend>
          <div className="flex flex-wrap gap-2">
            {props.methods.map((method) => (
              <Button key={method.id} variant="secondary" onClick={() => addMethod(method)}>
                {method.name}
                {method.adjustmentPercent !== "0.00" && (
                  <span className="text-xs text-muted">
                    {Number(method.adjustmentPercent) > 0 ? "+" : ""}
                    {method.adjustmentPercent.replace(/\.00$/, "")} %
                  </span>
                )}
              </Button>
            ))}
          </div>
        </fieldset>

        {rows.length > 0 && (
          <ul className="grid gap-3">
            {rows.map((row, index) => {
              const method = methods.get(row.methodId);
              if (!method) return null;
              const amount = totals?.payments[index]?.amount;
              const plans = method.plans.filter((plan) => plan.installments > 1);
              return (
                <li
                  key={row.key}
                  className="grid gap-3 rounded-xl border border-line p-4 sm:grid-cols-[8rem_minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-end"
                >
                  <div>
                    <p className="font-medium">{method.name}</p>
                    {amount !== undefined && (
                      <p className="text-sm text-muted tabular-nums">
                        {t("charges", { amount: money(amount, props.store) })}
                      </p>
                    )}
                  </div>
                  <Input
                    label={t("amountOf", { method: method.name })}
                    inputMode="decimal"
                    value={row.base}
                    onChange={(event) => update(row.key, { base: event.target.value })}
                    error={parseTypedAmount(row.base) === null ? t("invalidAmount") : undefined}
                  />
                  {method.type === "CASH" ? (
                    <Input
                      label={t("tendered")}
                      inputMode="decimal"
                      value={row.tendered}
                      placeholder={t("optional")}
                      onChange={(event) => update(row.key, { tendered: event.target.value })}
                      error={short === index ? t("tenderedShort") : undefined}
                    />
                  ) : plans.length > 0 ? (
                    <label className="flex flex-col gap-1.5 text-sm font-medium">
                      {t("installments")}
                      <select
                        className="h-11 rounded-lg border border-line bg-white px-3 text-base"
                        value={row.installments}
                        onChange={(event) => update(row.key, { installments: Number(event.target.value) })}
                      >
                        <option value={1}>{t("installmentCount", { count: 1 })}</option>
                        {plans.map((plan) => (
                          <option key={plan.installments} value={plan.installments}>
                            {t("installmentPlan", {
                              count: plan.installments,
                              surcharge: paymentAdjustment(method, plan.installments).replace(/\.00$/, ""),
                            })}
                          </option>
                        ))}
                      </select>
                    </label>
                  ) : (
                    <span />
                  )}
                  <Button
                    variant="ghost"
                    aria-label={t("removeMethod", { method: method.name })}
                    onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
                  >
                    {t("remove")}
                  </Button>
                </li>
              );
            })}
          </ul>
        )}

        {totals && (totals.surcharge > 0 || totals.discount > 0) && (
          <p className="text-sm text-muted" data-testid="pay-adjustments">
            {totals.surcharge > 0 && <>{t("surcharge", { amount: money(totals.surcharge, props.store) })} </>}
            {totals.discount > 0 && <>{t("methodDiscount", { amount: money(totals.discount, props.store) })}</>}
          </p>
        )}

        {change > 0 && (
          <div className="rounded-xl bg-brand-50 px-5 py-4 text-brand-900">
            <p className="text-sm">{t("change")}</p>
            <p className="text-5xl font-bold tabular-nums" data-testid="pay-change">
              {money(change, props.store)}
            </p>
          </div>
        )}

        {refusal && (
          <p role="alert" className="rounded-lg bg-danger-soft px-4 py-3 text-sm text-danger">
            {refusal}
          </p>
        )}

        {/* Always in view, however many payments the dialog lists. */}
        <div className="sticky bottom-0 -mx-6 -mb-5 border-t border-line bg-white px-6 py-4">
          <Button type="submit" size="lg" className="w-full" disabled={!ready}>
            {sending ? t("sending") : t("confirm")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
