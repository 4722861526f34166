"use client";

import { useState, type SyntheticEvent } from "react";
import { useTranslations } from "next-intl";
import { Button, Input } from "@pos/ui";
import { toCents } from "@pos/validators";
import { trpc } from "~/trpc/react";
import { money, shopTime, type StoreMoney } from "~/register/money";
import { StatusBadge } from "./status-badge";
import { ErrorNote } from "../ui";

type Next = "CONFIRMED" | "READY" | "SHIPPED" | "DELIVERED" | "CANCELLED";
const SETTABLE: readonly string[] = ["CONFIRMED", "READY", "SHIPPED", "DELIVERED", "CANCELLED"];
const isSettable = (status: string): status is Next => SETTABLE.includes(status);

/** wa.me wants the number in international form, digits only. */
const whatsAppTo = (phone: string) => `https://wa.me/${phone.replace(/\D/g, "")}`;

/** One order: what was ordered, who to call, and the buttons for what it can become next. */
export function OrderDetail({ saleId, store }: { saleId: number; store: StoreMoney }) {
  const t = useTranslations("admin.orders");
  const utils = trpc.useUtils();
  const order = trpc.orders.get.useQuery({ saleId });
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState("");
  const setStatus = trpc.orders.setStatus.useMutation({
    onSuccess: () => {
      setCancelling(false);
      setReason("");
      void utils.orders.invalidate();
    },
  });
  const cash = (amount: string) => money(toCents(amount), store);

  if (!order.data) {
    return (
      <section className="rounded-card border border-line bg-white px-5 py-6 text-sm text-muted">
        {order.error ? order.error.message : t("loading")}
      </section>
    );
  }
  const data = order.data;
  const next = data.next.filter(isSettable);
  const forward = next.filter((status) => status !== "CANCELLED");

  function cancel(event: SyntheticEvent) {
    event.preventDefault();
    setStatus.mutate({ saleId, to: "CANCELLED", reason: reason.trim() });
  }

  return (
    <section
      aria-label={t("detail", { reference: data.reference })}
      className="rounded-card border border-line bg-white"
    >
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-line px-5 py-4">
        <div>
          <h2 className="flex items-center gap-2 text-lg font-semibold">
            <span className="font-mono">{data.reference}</span>
            <StatusBadge status={data.status} />
          </h2>
          <p className="text-sm text-muted">
            {t(`channels.${data.channel}`)} · {shopTime(data.createdAt, store)} · {data.branch.name}
          </p>
          {data.expiresAt && (
            <p className="mt-1 text-sm font-medium text-amber-800">
              {t("holdUntil", { time: shopTime(data.expiresAt, store) })}
            </p>
          )}
        </div>
        <p className="text-2xl font-semibold tabular-nums">{cash(data.total)}</p>
      </header>

      <div className="grid gap-5 px-5 py-4 sm:grid-cols-2">
        <div>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-muted">{t("contact")}</h3>
          <p className="mt-1 font-medium">{data.contact.name}</p>
          <div className="mt-2 flex flex-wrap gap-2">
            {data.contact.phone && (
              <>
                <a className={CONTACT} href={`tel:${data.contact.phone}`}>
                  {t("call", { phone: data.contact.phone })}
                </a>
                <a className={CONTACT} href={whatsAppTo(data.contact.phone)} target="_blank" rel="noreferrer">
                  {t("whatsapp")}
                </a>
              </>
            )}
            {data.contact.email && (
              <a
                className={CONTACT}
                href={`mailto:${data.contact.email}?subject=${encodeURIComponent(data.reference)}`}
              >
                {data.contact.email}
              </a>
            )}
          </div>
        </div>
        <div>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-muted">{t("delivery")}</h3>
          <p className="mt-1 text-sm">
            {data.fulfillment === "SHIPPING"
              ? t("shipTo", { address: data.shippingAddress ?? "" })
              : t("pickupAt", { branch: data.pickupAt?.name ?? data.branch.name })}
          </p>
          <p className="mt-1 text-sm text-muted">
            {data.paymentMethod ? t("paysWith", { method: data.paymentMethod }) : t("paymentInChat")}
          </p>
          {data.notes && <p className="mt-2 rounded-lg bg-surface px-3 py-2 text-sm">{data.notes}</p>}
        </div>
      </div>

      <table className="w-full text-sm">
        <caption className="sr-only">{t("items")}</caption>
        <tbody>
          {data.items.map((item, index) => (
            <tr key={index} className="border-t border-line">
              <td className="px-5 py-2">
                {item.productName}
                {item.sizeLabel && <span className="ml-2 text-muted">{t("size", { size: item.sizeLabel })}</span>}
              </td>
              <td className="px-2 py-2 text-right tabular-nums">× {item.quantity}</td>
              <td className="px-5 py-2 text-right tabular-nums">{cash(item.lineTotal)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <footer className="grid gap-3 border-t border-line px-5 py-4">
        {setStatus.error && <ErrorNote>{setStatus.error.message}</ErrorNote>}
        {next.length === 0 ? (
          <p className="text-sm text-muted">{t("final")}</p>
        ) : cancelling ? (
          <form onSubmit={cancel} className="grid gap-3">
            <Input
              label={t("cancelReason")}
              hint={t("cancelHint")}
              autoFocus
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
            <div className="flex justify-end gap-2">
              <Button type="button" variant="ghost" onClick={() => setCancelling(false)}>
                {t("keep")}
              </Button>
              <Button type="submit" variant="danger" disabled={reason.trim().length < 3 || setStatus.isPending}>
                {t("cancelConfirm")}
              </Button>
            </div>
          </form>
        ) : (
          <div className="flex flex-wrap justify-end gap-2">
            {next.includes("CANCELLED") && (
              <Button variant="ghost" onClick={() => setCancelling(true)}>
                {t("cancel")}
              </Button>
            )}
            {forward.map((status) => (
              <Button
                key={status}
                disabled={setStatus.isPending}
                onClick={() => setStatus.mutate({ saleId, to: status })}
              >
                {t(`actions.${status}`)}
              </Button>
            ))}
          </div>
        )}
      </footer>
    </section>
  );
}

const CONTACT =
  "rounded-lg border border-line px-3 py-1.5 text-sm font-medium hover:border-brand-500 hover:bg-brand-50";
