"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, type SyntheticEvent } from "react";
import { useWords } from "~/i18n/words";
import type { ShopFront } from "@pos/api/store";
import { Input, formatMoney } from "@pos/ui";
import type { TCheckout } from "@pos/validators";
import { useCheckedCart } from "~/cart/cart-view";
import { cart, useCart } from "~/cart/cart-store";
import { ShopLink } from "~/shop/shop-link";
import { domainOf, issuesOf, problemOf, storeApi } from "~/trpc/client";
import { OrderSummary, type Quote } from "./order-summary";

const FIELDS = ["name", "email", "phone", "shippingAddress", "paymentMethodId"] as const;
type Field = (typeof FIELDS)[number];

/** The form field an issue of the shared order schema is about ("contact.email" → email). */
function fieldOf(path: string): Field | null {
  const [first, second] = path.split(".");
  const name = (first === "contact" ? second : first) ?? "";
  return (FIELDS as readonly string[]).includes(name) ? (name as Field) : null;
}

/** One id per visit to checkout, kept for the tab: a retried or double-clicked order is placed once. */
function useClientId(): string | null {
  const [id, setId] = useState<string | null>(null);
  useEffect(() => {
    const saved = window.sessionStorage.getItem("checkout-id");
    const fresh = saved ?? crypto.randomUUID();
    window.sessionStorage.setItem("checkout-id", fresh);
    setId(fresh);
  }, []);
  return id;
}

type Placed = { reference: string; whatsappUrl: string; total: string };

export function CheckoutForm({ shop, via }: { shop: ShopFront; via: "web" | "whatsapp" }) {
  const t = useWords("checkout");
  const router = useRouter();
  const items = useCart();
  const [recheck, setRecheck] = useState(0);
  const { checked } = useCheckedCart(items, recheck);
  const clientId = useClientId();
  const [fulfillment, setFulfillment] = useState<"PICKUP" | "SHIPPING">(shop.pickup ? "PICKUP" : "SHIPPING");
  const [methodId, setMethodId] = useState<number | undefined>(undefined);
  const [quote, setQuote] = useState<Quote | null>(null);
  const [invalid, setInvalid] = useState<ReadonlySet<Field>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [placed, setPlaced] = useState<Placed | null>(null);
  const whatsapp = via === "whatsapp";
  const linesKey = JSON.stringify(items);

  useEffect(() => {
    const lines = JSON.parse(linesKey) as typeof items;
    if (lines.length === 0) return;
    let live = true;
    storeApi
      .quote({ lines, fulfillment, paymentMethodId: whatsapp ? undefined : methodId })
      .then((next) => live && setQuote(next))
      .catch((error: unknown) => live && setProblem(problemOf(error)));
    return () => {
      live = false;
    };
  }, [linesKey, fulfillment, methodId, whatsapp]);

  if (placed) {
    return (
      <div className="mx-auto max-w-xl rounded-2xl border border-line p-8 text-center" data-testid="whatsapp-placed">
        <h2 className="text-2xl font-semibold">{t("whatsappPlaced", { reference: placed.reference })}</h2>
        <p className="mt-2 text-muted">{t("whatsappNext")}</p>
        <a
          href={placed.whatsappUrl}
          target="_blank"
          rel="noopener noreferrer"
          className="mt-6 inline-flex h-12 items-center justify-center rounded-xl bg-[#14663c] px-6 font-semibold text-white hover:bg-[#0f4f2e]"
        >
          {t("openWhatsapp")}
        </a>
        <p className="mt-4 text-sm text-muted">
          <ShopLink className="underline" href="/pedido">
            {t("trackLater")}
          </ShopLink>
        </p>
      </div>
    );
  }
  if (items.length === 0) {
    return (
      <p className="py-10 text-center text-muted">
        {t("emptyCart")}{" "}
        <ShopLink href="/buscar" className="font-medium text-brand-700 underline">
          {t("browse")}
        </ShopLink>
      </p>
    );
  }

  async function place(form: FormData) {
    if (!clientId || busy) return;
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === "string" ? value.trim() || undefined : undefined;
    };
    const request = {
      clientId,
      lines: items,
      contact: { name: text("name") ?? "", email: text("email"), phone: text("phone") },
      fulfillment,
      shippingAddress: fulfillment === "SHIPPING" ? text("shippingAddress") : undefined,
      paymentMethodId: methodId,
      notes: text("notes"),
    };
    // The server checks the order with the shared schema (no schema library in the page); its issues name the fields.
    setInvalid(new Set());
    setProblem(null);
    setBusy(true);
    try {
      if (whatsapp) {
        const { contact, ...rest } = request;
        const order = await storeApi.whatsapp({
          ...rest,
          contact: { name: contact.name, phone: contact.phone ?? "" },
        });
        window.sessionStorage.removeItem("checkout-id");
        cart.clear();
        setPlaced(order);
      } else {
        const order = await storeApi.checkout({ ...(request as TCheckout), expectedTotal: quote?.total });
        window.sessionStorage.removeItem("checkout-id");
        cart.clear();
        const contact = request.contact.email
          ? `email=${encodeURIComponent(request.contact.email)}`
          : `telefono=${encodeURIComponent(request.contact.phone ?? "")}`;
        router.push(`/pedido?numero=${order.reference}&${contact}&nuevo=1`);
      }
    } catch (error) {
      const fields = new Set(issuesOf(error).flatMap((issue) => fieldOf(issue.path) ?? []));
      setBusy(false);
      if (fields.size > 0) {
        setInvalid(fields);
        return;
      }
      setProblem(describe(error));
      // Stock or prices moved under the shopper: show the cart as it is now.
      setRecheck((n) => n + 1);
    }
  }

  /** A refusal in the shopper's words: the last unit gone, a total that moved, else the API's own message. */
  function describe(error: unknown): string {
    const domain = domainOf(error);
    if (domain?.code === "OUT_OF_STOCK") {
      const line = checked?.lines.find((candidate) => candidate.variantId === domain.details.variantId);
      const name = line ? [line.name, line.sizeLabel].filter(Boolean).join(" ") : "";
      return t("soldOutNow", { name });
    }
    if (domain?.code === "CONFLICT" && domain.details.reason === "TOTAL_CHANGED") return t("totalChanged");
    return t("refused", { message: problemOf(error) });
  }

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    void place(new FormData(event.currentTarget));
  }

  const error = (field: Field) => (invalid.has(field) ? t(`errors.${field}`) : undefined);
  const price = (amount: string) => formatMoney(amount, shop);

  return (
    <form
      onSubmit={submit}
      // A field's error goes as soon as the shopper changes that field; the next submit checks again.
      onChange={(event) => {
        const target = event.target;
        const name = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ? target.name : "";
        if (invalid.has(name as Field)) setInvalid(new Set([...invalid].filter((field) => field !== name)));
      }}
      noValidate
      className="grid gap-10 lg:grid-cols-[1fr_24rem]"
    >
      <div className="space-y-8">
        <fieldset className="space-y-4">
          <legend className="text-lg font-semibold">{t("contact")}</legend>
          <Input label={t("name")} name="name" autoComplete="name" required error={error("name")} />
          {!whatsapp && (
            <Input label={t("email")} name="email" type="email" autoComplete="email" error={error("email")} />
          )}
          <Input
            label={whatsapp ? t("whatsappPhone") : t("phone")}
            name="phone"
            type="tel"
            autoComplete="tel"
            hint={whatsapp ? undefined : t("emailOrPhone")}
            error={error("phone")}
          />
        </fieldset>

        <fieldset className="space-y-3">
          <legend className="text-lg font-semibold">{t("delivery")}</legend>
          {shop.pickup && shop.fulfillingBranch && (
            <Choice
              name="fulfillment"
              checked={fulfillment === "PICKUP"}
              onChange={() => setFulfillment("PICKUP")}
              title={t("pickup", { shop: shop.fulfillingBranch.name })}
              detail={`${shop.fulfillingBranch.address} · ${t("free")}`}
            />
          )}
          {shop.shipping.enabled && (
            <Choice
              name="fulfillment"
              checked={fulfillment === "SHIPPING"}
              onChange={() => setFulfillment("SHIPPING")}
              title={t("shipping")}
              detail={
                shop.shipping.freeFrom
                  ? t("shippingFeeFree", { fee: price(shop.shipping.fee), from: price(shop.shipping.freeFrom) })
                  : t("shippingFee", { fee: price(shop.shipping.fee) })
              }
            />
          )}
          {fulfillment === "SHIPPING" && (
            <Input
              label={t("address")}
              name="shippingAddress"
              autoComplete="street-address"
              error={error("shippingAddress")}
            />
          )}
        </fieldset>

        {!whatsapp && (
          <fieldset className="space-y-3">
            <legend className="text-lg font-semibold">{t("payment")}</legend>
            {shop.paymentMethods.map((method) => {
              const percent = Number(method.adjustmentPercent);
              return (
                <Choice
                  key={method.id}
                  name="paymentMethodId"
                  checked={methodId === method.id}
                  onChange={() => setMethodId(method.id)}
                  title={method.name}
                  detail={
                    percent < 0
                      ? t("discount", { percent: -percent })
                      : percent > 0
                        ? t("surcharge", { percent })
                        : undefined
                  }
                />
              );
            })}
            {error("paymentMethodId") && <p className="text-sm text-danger">{error("paymentMethodId")}</p>}
          </fieldset>
        )}

        <label className="block space-y-1.5">
          <span className="text-sm font-medium">{t("notes")}</span>
          <textarea
            name="notes"
            rows={3}
            maxLength={500}
            className="w-full rounded-lg border border-line px-3 py-2 text-base"
          />
        </label>
      </div>

      <aside className="h-fit space-y-4 rounded-2xl bg-surface p-5">
        <OrderSummary lines={checked?.lines ?? []} quote={quote} money={shop} />
        {problem && (
          <p role="alert" className="rounded-lg bg-danger-soft p-3 text-sm text-danger">
            {problem}
          </p>
        )}
        {checked?.needsReview && (
          <p role="alert" className="rounded-lg bg-danger-soft p-3 text-sm text-danger">
            {t("review")}{" "}
            <ShopLink href="/carrito" className="font-semibold underline">
              {t("backToCart")}
            </ShopLink>
          </p>
        )}
        <button
          type="submit"
          disabled={busy || !clientId || checked?.needsReview !== false}
          className={`h-12 w-full rounded-xl text-base font-semibold text-white disabled:cursor-not-allowed disabled:opacity-60 ${
            whatsapp ? "bg-[#14663c] hover:bg-[#0f4f2e]" : "bg-brand-700 hover:bg-brand-900"
          }`}
        >
          {busy ? t("placing") : whatsapp ? t("placeWhatsapp") : t("place")}
        </button>
        {whatsapp && <p className="text-xs text-muted">{t("whatsappHold")}</p>}
      </aside>
    </form>
  );
}

function Choice(props: { name: string; checked: boolean; onChange: () => void; title: string; detail?: string }) {
  return (
    <label className="flex cursor-pointer items-start gap-3 rounded-xl border border-line p-4 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
      <input
        type="radio"
        name={props.name}
        checked={props.checked}
        onChange={props.onChange}
        className="mt-1 size-4 accent-brand-700"
      />
      <span>
        <span className="block font-medium">{props.title}</span>
        {props.detail && <span className="block text-sm text-muted">{props.detail}</span>}
      </span>
    </label>
  );
}
