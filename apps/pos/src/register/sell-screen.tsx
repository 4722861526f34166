"use client";

import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useTranslations } from "next-intl";
import type { RouterOutputs } from "@pos/api";
import { Button } from "@pos/ui";
import { trpc } from "~/trpc/react";
import { parseSaleReference, toCents } from "@pos/validators";
import {
  addItem,
  cartDue,
  cartSubtotal,
  grossOf,
  maxDiscount,
  setLineDiscount,
  setQuantity,
  type CartLine,
  type PaymentMethod,
} from "./cart";
import { CategoryGrid } from "./category-grid";
import { CustomerDialog, type SaleCustomer } from "./customer-dialog";
import { DiscountDialog } from "./discount-dialog";
import { useCatalog, type CatalogItem } from "./catalog";
import { DrawerDialog } from "./drawer-dialog";
import { ParkDialog, ParkedList } from "./parked-dialog";
import { ReturnDialog } from "./return-dialog";
import { money, type StoreMoney } from "./money";
import { OfflineReceipt } from "./offline-receipt";
import type { QueuedSale } from "./offline/local-db";
import type { Outbox } from "./offline/outbox";
import { PayDialog } from "./pay-dialog";
import { ReceiptView } from "./receipt-view";
import { searchCatalog } from "./search";
import { SizePicker } from "./size-picker";

export interface SellSetup {
  branchId: number;
  shopName: string;
  /** The seller's role: how much discount they may give. */
  role: string;
  cashierMaxDiscountPercent: string;
  store: StoreMoney & { pricesIncludeTax: boolean };
  paymentMethods: PaymentMethod[];
}

/** A short, unmistakable sound for a code the catalog does not know (the cashier is looking at the customer). */
function beep() {
  try {
    const audio = new AudioContext();
    const oscillator = audio.createOscillator();
    oscillator.frequency.value = 220;
    oscillator.connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + 0.18);
  } catch {
    // No audio (autoplay policy, no device): the red message is enough.
  }
}

const SHORTCUTS = [
  ["F2", "search"],
  ["F3", "customer"],
  ["F4", "pay"],
  ["F8", "park"],
  ["F7", "parked"],
  ["F6", "return"],
  ["F9", "drawer"],
  ["Esc", "cancel"],
  ["↑ ↓", "pick"],
] as const;

type Sold = { kind: "recorded"; saleId: number; reference: string } | { kind: "queued"; sale: QueuedSale };

export function SellScreen({
  setup,
  outbox,
  session,
  onSessionClosed,
}: {
  setup: SellSetup;
  outbox: Outbox;
  session: NonNullable<RouterOutputs["cashSessions"]["current"]>;
  onSessionClosed: (sessionId: number) => void;
}) {
  const t = useTranslations("sell");
  const catalog = useCatalog(setup.branchId);
  const [lines, setLines] = useState<CartLine[]>([]);
  /** The left panel: the sale's lines, or category tiles for selling by touch. */
  const [view, setView] = useState<"cart" | "categories">("cart");
  const [saleDiscount, setSaleDiscount] = useState(0);
  /** Whose discount is being edited: a line's variant id, or "sale". */
  const [discounting, setDiscounting] = useState<number | "sale" | null>(null);
  const [query, setQuery] = useState("");
  const [highlight, setHighlight] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [sizesFor, setSizesFor] = useState<CatalogItem[] | null>(null);
  const [paying, setPaying] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [parking, setParking] = useState(false);
  const [parkedOpen, setParkedOpen] = useState(false);
  // Open with the receipt reference that was scanned, or "" when opened by hand.
  const [returning, setReturning] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [sold, setSold] = useState<Sold | null>(null);
  const [customer, setCustomer] = useState<SaleCustomer | null>(null);
  const [choosingCustomer, setChoosingCustomer] = useState(false);
  const utils = trpc.useUtils();
  const scanRef = useRef<HTMLInputElement>(null);

  const hits = useMemo(
    () => (/^\d+$/.test(query.trim()) ? [] : searchCatalog(catalog.items, query)),
    [catalog.items, query],
  );
  const subtotal = cartSubtotal(lines);
  // A sale discount never outgrows what is left after the lines' own discounts.
  const appliedSaleDiscount = Math.min(saleDiscount, subtotal);
  const due = cartDue(lines, setup.store.pricesIncludeTax, appliedSaleDiscount);
  const clearCart = () => {
    setLines([]);
    setSaleDiscount(0);
    setCustomer(null);
  };
  const units = lines.reduce((sum, line) => sum + line.quantity, 0);
  const busy =
    paying ||
    drawerOpen ||
    parking ||
    parkedOpen ||
    returning !== null ||
    discounting !== null ||
    sizesFor !== null ||
    choosingCustomer ||
    sold !== null;

  // Back online after selling from this browser's copy: read the catalog and stock from the server again.
  const { online } = outbox;
  const { fromCache, reload } = catalog;
  useEffect(() => {
    if (online && fromCache) reload();
  }, [online, fromCache, reload]);

  // The scan field keeps the focus whenever nothing else needs it: a scanner types into whatever is focused.
  useEffect(() => {
    if (!busy) scanRef.current?.focus();
  }, [busy, lines]);

  useEffect(() => {
    function onKey(event: globalThis.KeyboardEvent) {
      if (event.key === "F2") {
        event.preventDefault();
        scanRef.current?.focus();
        scanRef.current?.select();
      } else if (event.key === "F3" && !busy) {
        event.preventDefault();
        setChoosingCustomer(true);
      } else if (event.key === "F4" && !busy && lines.length > 0) {
        event.preventDefault();
        setPaying(true);
      } else if (event.key === "F8" && !busy && lines.length > 0) {
        event.preventDefault();
        setParking(true);
      } else if (event.key === "F7" && !busy) {
        event.preventDefault();
        setParkedOpen(true);
      } else if (event.key === "F6" && !busy) {
        event.preventDefault();
        setReturning("");
      } else if (event.key === "F9" && !busy) {
        event.preventDefault();
        setDrawerOpen(true);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [busy, lines.length]);

  function add(item: CatalogItem) {
    setLines((current) => addItem(current, item));
    setProblem(null);
    setNotice(null);
    setQuery("");
    setSizesFor(null);
  }

  function pickProduct(productId: number) {
    const sizes = catalog.sizesOf(productId);
    const only = sizes[0];
    if (sizes.length === 1 && only) add(only);
    else setSizesFor(sizes);
  }

  function onScanKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setHighlight((current) => (hits.length === 0 ? 0 : (current + step + hits.length) % hits.length));
      return;
    }
    if (event.key === "Escape") {
      setQuery("");
      setProblem(null);
      return;
    }
    if (event.key !== "Enter") return;
    event.preventDefault();
    const code = query.trim();
    if (code === "") return;
    const item = catalog.byCode.get(code) ?? catalog.byCode.get(code.toUpperCase());
    if (item) {
      add(item);
      return;
    }
    const hit = hits[highlight];
    if (hit) {
      pickProduct(hit.productId);
      setQuery("");
      return;
    }
    // A receipt's barcode scanned at the register: the customer is bringing something back.
    if (parseSaleReference(code)) {
      setQuery("");
      setReturning(code);
      return;
    }
    setProblem(t("notFound", { code }));
    setQuery("");
    beep();
  }

  if (sold) {
    return (
      <main className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 sm:px-6">
        <h1 className="mb-4 text-xl font-semibold print:hidden">
          {sold.kind === "recorded" ? t("recorded", { reference: sold.reference }) : t("queued")}
        </h1>
        {sold.kind === "recorded" ? (
          <ReceiptView saleId={sold.saleId} onNewSale={() => setSold(null)} />
        ) : (
          <OfflineReceipt
            sale={sold.sale}
            store={setup.store}
            shopName={setup.shopName}
            onNewSale={() => setSold(null)}
          />
        )}
      </main>
    );
  }

  return (
    <main className="mx-auto grid w-full max-w-7xl flex-1 gap-4 px-4 py-4 sm:px-6 lg:grid-cols-[1fr_24rem]">
      <section className="flex min-h-0 flex-col gap-3" aria-label={t("saleLabel")}>
        <div className="relative">
          <label htmlFor="scan" className="sr-only">
            {t("scanLabel")}
          </label>
          <input
            id="scan"
            ref={scanRef}
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setHighlight(0);
            }}
            onKeyDown={onScanKey}
            autoComplete="off"
            aria-busy={!catalog.ready}
            placeholder={catalog.ready ? t("scanPlaceholder") : t("loadingCatalog")}
            className={`h-14 w-full rounded-xl border-2 bg-white px-4 text-lg outline-none transition focus:ring-4 ${
              problem ? "border-danger focus:ring-danger-soft" : "border-brand-500 focus:ring-brand-100"
            }`}
            role="combobox"
            aria-expanded={hits.length > 0}
            aria-controls="search-results"
            aria-activedescendant={hits.length > 0 ? `hit-${hits[highlight]?.productId}` : undefined}
          />
          {hits.length > 0 && (
            <ul
              id="search-results"
              role="listbox"
              aria-label={t("results")}
              className="absolute z-10 mt-1 w-full overflow-hidden rounded-xl border border-line bg-white shadow-lg"
            >
              {hits.map((hit, index) => {
                const sizes = catalog.sizesOf(hit.productId);
                const stock = sizes.reduce((sum, size) => sum + Math.max(catalog.stockOf(size.variantId), 0), 0);
                return (
                  <li
                    key={hit.productId}
                    id={`hit-${hit.productId}`}
                    role="option"
                    aria-selected={index === highlight}
                    onMouseDown={(event) => {
                      event.preventDefault();
                      pickProduct(hit.productId);
                      setQuery("");
                    }}
                    className={`flex cursor-pointer items-center justify-between gap-3 px-4 py-3 ${
                      index === highlight ? "bg-brand-50" : ""
                    }`}
                  >
                    <span>
                      <span className="font-medium">{hit.name}</span>
                      <span className="ml-2 text-sm text-muted">{hit.brand}</span>
                    </span>
                    <span className="text-sm text-muted tabular-nums">
                      {sizes[0] ? money(toCents(sizes[0].price), setup.store) : ""} · {t("inStock", { count: stock })}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
        {notice && (
          <p role="status" className="rounded-lg bg-brand-50 px-4 py-2 text-sm font-medium text-brand-900">
            {notice}
          </p>
        )}
        {problem && (
          <p role="alert" className="rounded-lg bg-danger-soft px-4 py-2 text-sm font-medium text-danger">
            {problem}
          </p>
        )}
        {catalog.error && (
          <p role="alert" className="rounded-lg bg-danger-soft px-4 py-2 text-sm text-danger">
            {t("catalogError", { error: catalog.error })}
          </p>
        )}

        <div className="flex gap-2" role="tablist" aria-label={t("viewLabel")}>
          <Button
            role="tab"
            aria-selected={view === "cart"}
            variant={view === "cart" ? "primary" : "secondary"}
            size="sm"
            onClick={() => setView("cart")}
          >
            {t("cartTab", { count: units })}
          </Button>
          <Button
            role="tab"
            aria-selected={view === "categories"}
            variant={view === "categories" ? "primary" : "secondary"}
            size="sm"
            onClick={() => setView("categories")}
          >
            {t("categoriesTab")}
          </Button>
        </div>

        <div className="flex-1 overflow-auto rounded-card border border-line bg-white">
          {view === "categories" ? (
            <CategoryGrid catalog={catalog} store={setup.store} onPick={pickProduct} />
          ) : lines.length === 0 ? (
            <div className="flex h-full min-h-64 flex-col items-center justify-center gap-2 p-8 text-center text-muted">
              <p className="text-lg font-medium text-ink">{t("ready")}</p>
              <p className="text-sm">{t("readyHint")}</p>
            </div>
          ) : (
            <table className="w-full text-left">
              <caption className="sr-only">{t("cartCaption")}</caption>
              <thead className="border-b border-line bg-surface text-xs uppercase tracking-wide text-muted">
                <tr>
                  <th className="px-4 py-2 font-medium">{t("colItem")}</th>
                  <th className="px-2 py-2 text-center font-medium">{t("colQty")}</th>
                  <th className="px-4 py-2 text-right font-medium">{t("colAmount")}</th>
                  <th className="w-10" />
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => (
                  <tr key={line.item.variantId} className="border-b border-line last:border-0" data-testid="cart-line">
                    <td className="px-4 py-3">
                      <p className="font-medium">
                        {line.item.name}
                        {line.item.sizeLabel && (
                          <span className="ml-2 text-muted">{t("size", { size: line.item.sizeLabel })}</span>
                        )}
                      </p>
                      <p className="text-xs text-muted">
                        {line.item.sku} · {t("inStock", { count: catalog.stockOf(line.item.variantId) })}
                      </p>
                    </td>
                    <td className="px-2 py-3">
                      <div className="flex items-center justify-center gap-1">
                        <button
                          type="button"
                          aria-label={t("oneLess", { product: line.item.name })}
                          className="size-8 rounded-md border border-line hover:bg-surface"
                          onClick={() =>
                            setLines((current) => setQuantity(current, line.item.variantId, line.quantity - 1))
                          }
                        >
                          −
                        </button>
                        <span className="w-8 text-center tabular-nums">{line.quantity}</span>
                        <button
                          type="button"
                          aria-label={t("oneMore", { product: line.item.name })}
                          className="size-8 rounded-md border border-line hover:bg-surface"
                          onClick={() =>
                            setLines((current) => setQuantity(current, line.item.variantId, line.quantity + 1))
                          }
                        >
                          +
                        </button>
                      </div>
                    </td>
                    <td className="px-4 py-3 text-right">
                      <p className="font-medium tabular-nums">
                        {money(cartDue([line], setup.store.pricesIncludeTax), setup.store)}
                      </p>
                      <button
                        type="button"
                        className="text-xs text-brand-700 underline-offset-2 hover:underline"
                        onClick={() => setDiscounting(line.item.variantId)}
                        aria-label={t("lineDiscountLabel", { product: line.item.name })}
                      >
                        {line.discount
                          ? t("lineDiscount", { amount: money(line.discount, setup.store) })
                          : t("discount")}
                      </button>
                    </td>
                    <td className="pr-3">
                      <button
                        type="button"
                        aria-label={t("remove", { product: line.item.name })}
                        className="rounded-md px-2 py-1 text-muted hover:bg-danger-soft hover:text-danger"
                        onClick={() => setLines((current) => setQuantity(current, line.item.variantId, 0))}
                      >
                        ✕
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </section>

      <aside className="flex flex-col gap-4" aria-label={t("total")}>
        <div className="rounded-card border border-line bg-white p-5">
          <div className="mb-3 flex items-center justify-between gap-2 border-b border-line pb-3">
            <p className="min-w-0 truncate text-sm" data-testid="sale-customer">
              <span className="text-muted">{t("customerLabel")} </span>
              <span className="font-medium">{customer?.name ?? t("noCustomer")}</span>
            </p>
            <button
              type="button"
              onClick={() => setChoosingCustomer(true)}
              className="shrink-0 rounded-md px-2 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50"
            >
              {customer ? t("changeCustomer") : t("addCustomer")}
            </button>
          </div>
          <p className="text-sm text-muted">{t("items", { count: units })}</p>
          {appliedSaleDiscount > 0 && (
            <p className="mt-1 text-sm text-muted tabular-nums">
              {t("saleDiscountApplied", { amount: money(appliedSaleDiscount, setup.store) })}
            </p>
          )}
          <p className="mt-1 text-sm text-muted">{t("total")}</p>
          <p className="text-5xl font-semibold tracking-tight tabular-nums" data-testid="cart-total">
            {money(due, setup.store)}
          </p>
          <Button
            size="lg"
            className="mt-5 h-14 w-full text-lg"
            disabled={lines.length === 0}
            onClick={() => setPaying(true)}
          >
            {t("payButton")}
          </Button>
          <Button
            variant="secondary"
            className="mt-2 w-full"
            disabled={lines.length === 0}
            onClick={() => setDiscounting("sale")}
          >
            {t("saleDiscount")}
          </Button>
          <Button
            variant="ghost"
            className="mt-2 w-full"
            disabled={lines.length === 0}
            onClick={() => {
              clearCart();
              setProblem(null);
            }}
          >
            {t("clear")}
          </Button>
        </div>
        <div className="grid grid-cols-2 gap-2">
          <Button variant="secondary" disabled={lines.length === 0} onClick={() => setParking(true)}>
            {t("parkButton")}
          </Button>
          <Button variant="secondary" onClick={() => setParkedOpen(true)}>
            {t("resumeButton")}
          </Button>
        </div>
        <Button variant="secondary" onClick={() => setReturning("")}>
          {t("returnButton")}
        </Button>
        <Button variant="secondary" size="lg" onClick={() => setDrawerOpen(true)}>
          {t("drawerButton")}
        </Button>
        <div className="rounded-card border border-line bg-white p-5">
          <h2 className="mb-3 text-sm font-semibold">{t("shortcutsTitle")}</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-2 text-sm">
            {SHORTCUTS.map(([key, label]) => (
              <div key={key} className="contents">
                <dt>
                  <kbd className="rounded border border-line bg-surface px-1.5 py-0.5 font-mono text-xs">{key}</kbd>
                </dt>
                <dd className="text-muted">{t(`shortcuts.${label}`)}</dd>
              </div>
            ))}
          </dl>
        </div>
      </aside>

      {discounting !== null && (
        <DiscountOf
          target={discounting}
          lines={lines}
          subtotal={subtotal}
          saleDiscount={appliedSaleDiscount}
          setup={setup}
          onClose={() => setDiscounting(null)}
          onApply={(discount) => {
            if (discounting === "sale") setSaleDiscount(discount);
            else setLines((current) => setLineDiscount(current, discounting, discount));
            setDiscounting(null);
          }}
        />
      )}
      {parking && (
        <ParkDialog
          branchId={setup.branchId}
          lines={lines}
          saleDiscount={appliedSaleDiscount}
          customerId={customer?.id}
          onClose={() => setParking(false)}
          onParked={() => {
            setParking(false);
            clearCart();
          }}
        />
      )}
      {parkedOpen && (
        <ParkedList
          branchId={setup.branchId}
          catalog={catalog}
          store={setup.store}
          onClose={() => setParkedOpen(false)}
          onResume={(resumed, missing, discount, customerId) => {
            setParkedOpen(false);
            if (customerId !== undefined) {
              void utils.customers.get.fetch({ id: customerId }).then(
                (found) => setCustomer({ id: found.id, name: found.name }),
                () => undefined,
              );
            }
            setSaleDiscount((current) => current + discount);
            setLines((current) =>
              resumed.reduce((merged, line) => {
                const added = addItem(merged, line.item, line.quantity);
                const had = merged.find((l) => l.item.variantId === line.item.variantId)?.discount ?? 0;
                return setLineDiscount(added, line.item.variantId, had + (line.discount ?? 0));
              }, current),
            );
            setProblem(missing > 0 ? t("missing", { count: missing }) : null);
          }}
        />
      )}
      {returning !== null && (
        <ReturnDialog
          store={setup.store}
          initialReference={returning || undefined}
          onClose={() => setReturning(null)}
          onDone={(message) => {
            setReturning(null);
            setNotice(message);
          }}
        />
      )}
      {drawerOpen && (
        <DrawerDialog
          session={session}
          store={setup.store}
          pendingSales={outbox.pending.length}
          onClose={() => setDrawerOpen(false)}
          onClosed={(sessionId) => {
            setDrawerOpen(false);
            onSessionClosed(sessionId);
          }}
        />
      )}
      {choosingCustomer && (
        <CustomerDialog
          current={customer}
          onClose={() => setChoosingCustomer(false)}
          onPick={(picked) => {
            setCustomer(picked);
            setChoosingCustomer(false);
          }}
        />
      )}
      {sizesFor && (
        <SizePicker
          branchId={setup.branchId}
          sizes={sizesFor}
          catalog={catalog}
          onPick={add}
          onClose={() => setSizesFor(null)}
        />
      )}
      {paying && (
        <PayDialog
          branchId={setup.branchId}
          lines={lines}
          saleDiscount={appliedSaleDiscount}
          customerId={customer?.id}
          due={due}
          pricesIncludeTax={setup.store.pricesIncludeTax}
          methods={setup.paymentMethods}
          store={setup.store}
          onClose={() => setPaying(false)}
          outbox={outbox}
          onPaid={(sale) => {
            setPaying(false);
            clearCart();
            setSold({ kind: "recorded", saleId: sale.saleId, reference: sale.reference });
          }}
          onQueued={(sale) => {
            for (const line of lines) catalog.adjustStock(line.item.variantId, -line.quantity);
            setPaying(false);
            clearCart();
            setSold({ kind: "queued", sale });
          }}
        />
      )}
    </main>
  );
}

/** The discount dialog for one line or the whole sale, with this seller's limit on it. */
function DiscountOf(props: {
  target: number | "sale";
  lines: readonly CartLine[];
  subtotal: number;
  saleDiscount: number;
  setup: SellSetup;
  onApply: (discount: number) => void;
  onClose: () => void;
}) {
  const t = useTranslations("sell");
  const line = props.target === "sale" ? undefined : props.lines.find((l) => l.item.variantId === props.target);
  const amount = line ? grossOf(line) : props.subtotal;
  return (
    <DiscountDialog
      title={line ? t("discountTitle", { product: line.item.name }) : t("saleDiscount")}
      amount={amount}
      current={line ? (line.discount ?? 0) : props.saleDiscount}
      max={maxDiscount(amount, props.setup.role, props.setup.cashierMaxDiscountPercent)}
      store={props.setup.store}
      onApply={props.onApply}
      onClose={props.onClose}
    />
  );
}
