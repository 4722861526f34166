"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@pos/ui";
import type { StoreMoney } from "~/register/money";
import { Heading } from "../ui";
import { Ledger, type LedgerFilters } from "./ledger";
import { LowStock } from "./low-stock";
import { StockCount } from "./stock-count";

type Branch = { id: number; name: string };

/** Stock as a manager checks it: the movement ledger, what is running low, and a shelf count. */
export function Inventory(props: {
  today: string;
  store: StoreMoney;
  branches: readonly Branch[];
  product: { id: number; name: string } | null;
}) {
  const t = useTranslations("admin.inventory");
  const [counting, setCounting] = useState(false);
  const [filters, setFilters] = useState<LedgerFilters>({
    branchId: undefined,
    product: props.product,
    search: "",
    type: undefined,
    reason: "",
    from: "",
    to: "",
  });
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <Heading title={t("title")} subtitle={t("subtitle")} />
        {!counting && <Button onClick={() => setCounting(true)}>{t("count.start")}</Button>}
      </div>
      {counting && (
        <StockCount
          branches={props.branches}
          onClose={() => setCounting(false)}
          onCounted={(counted) =>
            setFilters({ ...filters, branchId: counted.branchId, product: counted.product, type: "ADJUSTMENT" })
          }
        />
      )}
      <Ledger
        today={props.today}
        store={props.store}
        branches={props.branches}
        filters={filters}
        onFilters={setFilters}
      />
      <LowStock branches={props.branches} />
    </div>
  );
}
