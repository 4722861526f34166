"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { shiftDay } from "@pos/validators";
import { DayField } from "../ui";

const LINK =
  "inline-flex h-10 items-center rounded-lg border border-line bg-white px-4 text-sm font-medium hover:bg-surface";

/** CSV downloads, checked and streamed by the server; the products file is in the import format. */
export function ExportsPanel({ today }: { today: string }) {
  const t = useTranslations("admin.import");
  const [from, setFrom] = useState(() => shiftDay(today, -30));
  const [to, setTo] = useState(today);
  return (
    <section
      aria-labelledby="export-heading"
      className="flex flex-col gap-4 rounded-card border border-line bg-white p-5"
    >
      <div>
        <h2 id="export-heading" className="text-lg font-semibold">
          {t("exportTitle")}
        </h2>
        <p className="text-sm text-muted">{t("exportHelp")}</p>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <a href="/api/downloads/products" download className={LINK}>
          {t("exportProducts")}
        </a>
        <a href="/api/downloads/stock" download className={LINK}>
          {t("exportStock")}
        </a>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <DayField label={t("from")} value={from} max={to} onChange={setFrom} />
        <DayField label={t("to")} value={to} max={today} onChange={setTo} />
        <a href={`/api/downloads/sales?from=${from}&to=${to}`} download className={LINK}>
          {t("exportSales")}
        </a>
      </div>
    </section>
  );
}
