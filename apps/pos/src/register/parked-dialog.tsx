"use client";

import { useState, type SyntheticEvent } from "react";
import { useTranslations } from "next-intl";
import { Button, Input } from "@pos/ui";
import { fromCents, toCents, type Cents } from "@pos/validators";
import { trpc } from "~/trpc/react";
import type { CartLine } from "./cart";
import type { Catalog } from "./catalog";
import { Dialog } from "./dialog";
import { shopTime, type StoreMoney } from "./money";

/** Sets the cart aside under a name (the customer went for another size); the register is free for the next. */
export function ParkDialog(props: {
  branchId: number;
  lines: readonly CartLine[];
  saleDiscount: Cents;
  customerId?: number;
  onParked: () => void;
  onClose: () => void;
}) {
  const t = useTranslations("park");
  const units = props.lines.reduce((sum, line) => sum + line.quantity, 0);
  const [label, setLabel] = useState("");
  const park = trpc.sales.park.useMutation({ onSuccess: props.onParked });

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    park.mutate({
      branchId: props.branchId,
      label: label.trim() || t("defaultLabel", { first: props.lines[0]?.item.name ?? t("sale"), more: units - 1 }),
      cart: {
        lines: props.lines.map((line) => ({
          variantId: line.item.variantId,
          quantity: line.quantity,
          discount: fromCents(line.discount ?? 0),
        })),
        discount: fromCents(props.saleDiscount),
        customerId: props.customerId,
      },
    });
  }

  return (
    <Dialog title={t("title")} onClose={props.onClose}>
      <form onSubmit={submit} className="grid gap-4">
        <Input
          label={t("label")}
          hint={t("hint")}
          autoFocus
          value={label}
          onChange={(event) => setLabel(event.target.value)}
          error={park.error?.message}
        />
        <Button type="submit" size="lg" disabled={park.isPending}>
          {t("submit", { count: units })}
        </Button>
      </form>
    </Dialog>
  );
}

/** The branch's parked carts: resume one onto this register (any register of the branch can) or discard it. */
export function ParkedList(props: {
  branchId: number;
  catalog: Catalog;
  store: StoreMoney;
  onResume: (lines: CartLine[], missing: number, saleDiscount: Cents, customerId?: number) => void;
  onClose: () => void;
}) {
  const t = useTranslations("parked");
  const utils = trpc.useUtils();
  const parked = trpc.sales.parked.useQuery({ branchId: props.branchId }, { staleTime: 0 });
  const refresh = () => utils.sales.parked.invalidate({ branchId: props.branchId });
  const resume = trpc.sales.resume.useMutation({
    onSuccess: (sale) => {
      void refresh();
      const byId = new Map(props.catalog.items.map((item) => [item.variantId, item]));
      const lines = sale.cart.lines.flatMap((line) => {
        const item = byId.get(line.variantId);
        return item ? [{ item, quantity: line.quantity, discount: toCents(line.discount) }] : [];
      });
      props.onResume(lines, sale.cart.lines.length - lines.length, toCents(sale.cart.discount), sale.cart.customerId);
    },
  });
  const discard = trpc.sales.discardParked.useMutation({ onSuccess: refresh });
  const error = parked.error ?? resume.error ?? discard.error;

  return (
    <Dialog title={t("title")} onClose={props.onClose} wide>
      {error && (
        <p role="alert" className="mb-4 rounded-lg bg-danger-soft px-4 py-3 text-sm text-danger">
          {error.message}
        </p>
      )}
      {parked.data?.length === 0 && <p className="py-6 text-center text-muted">{t("empty")}</p>}
      <ul className="grid gap-2">
        {parked.data?.map((sale) => {
          const units = sale.cart.lines.reduce((sum, line) => sum + line.quantity, 0);
          return (
            <li
              key={sale.id}
              className="flex items-center justify-between gap-3 rounded-xl border border-line px-4 py-3"
            >
              <div className="min-w-0">
                <p className="truncate font-medium">{sale.label}</p>
                <p className="text-sm text-muted">
                  {t("summary", {
                    count: units,
                    cashier: sale.cashier.name,
                    time: shopTime(sale.createdAt, props.store),
                  })}
                </p>
              </div>
              <div className="flex shrink-0 gap-2">
                <Button
                  variant="ghost"
                  disabled={discard.isPending}
                  onClick={() => discard.mutate({ branchId: props.branchId, parkedSaleId: sale.id })}
                >
                  {t("discard")}
                </Button>
                <Button
                  disabled={resume.isPending}
                  onClick={() => resume.mutate({ branchId: props.branchId, parkedSaleId: sale.id })}
                >
                  {t("resume")}
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
    </Dialog>
  );
}
