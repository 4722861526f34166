"use client";

import { useEffect, useState, type KeyboardEvent } from "react";
import { useTranslations } from "next-intl";
import type { RouterOutputs } from "@pos/api";
import { Heading } from "../ui";
import { Banners } from "./banners";
import { PaymentSettings } from "./payments";
import { SocialLinks } from "./social-links";
import { StoreForm, type BranchChoice } from "./store-form";
import { WhatsAppSettings } from "./whatsapp";

const TABS = ["store", "payments", "whatsapp", "social", "banners"] as const;
type Tab = (typeof TABS)[number];

const isTab = (value: string): value is Tab => (TABS as readonly string[]).includes(value);

/**
 * The store's settings in tabs. The open tab is in the address (#whatsapp), so a reload or a shared link opens
 * the same one; arrow keys move between tabs as in any tab list.
 */
export function StoreSettings(props: {
  store: RouterOutputs["settings"]["store"]["get"];
  whatsapp: RouterOutputs["settings"]["whatsapp"]["get"];
  branches: readonly BranchChoice[];
}) {
  const t = useTranslations("admin.settings");
  const [tab, setTab] = useState<Tab>("store");

  useEffect(() => {
    const fromHash = () => {
      const hash = window.location.hash.slice(1);
      if (isTab(hash)) setTab(hash);
    };
    fromHash();
    window.addEventListener("hashchange", fromHash);
    return () => window.removeEventListener("hashchange", fromHash);
  }, []);

  function open(next: Tab, focus = false) {
    setTab(next);
    window.history.replaceState(null, "", `#${next}`);
    if (focus) document.getElementById(`tab-${next}`)?.focus();
  }
  function onKeyDown(event: KeyboardEvent) {
    const index = TABS.indexOf(tab);
    const by = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (by === 0) return;
    event.preventDefault();
    open(TABS[(index + by + TABS.length) % TABS.length] ?? "store", true);
  }

  return (
    <div className="flex flex-col gap-5">
      <Heading title={t("title")} subtitle={t("subtitle")} />
      <div
        role="tablist"
        aria-label={t("title")}
        onKeyDown={onKeyDown}
        className="flex gap-1 overflow-x-auto border-b border-line"
      >
        {TABS.map((key) => (
          <button
            key={key}
            id={`tab-${key}`}
            type="button"
            role="tab"
            aria-selected={tab === key}
            aria-controls={`panel-${key}`}
            tabIndex={tab === key ? 0 : -1}
            onClick={() => open(key)}
            className={`-mb-px shrink-0 border-b-2 px-4 py-2 text-sm font-medium ${
              tab === key ? "border-brand-600 text-brand-900" : "border-transparent text-muted hover:text-ink"
            }`}
          >
            {t(`tabs.${key}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === "store" && <StoreForm settings={props.store} branches={props.branches} />}
        {tab === "payments" && <PaymentSettings />}
        {tab === "whatsapp" && <WhatsAppSettings settings={props.whatsapp} />}
        {tab === "social" && <SocialLinks />}
        {tab === "banners" && <Banners />}
      </div>
    </div>
  );
}
