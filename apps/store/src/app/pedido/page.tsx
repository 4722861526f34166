import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { formatMoney, Input } from "@pos/ui";
import { ZOrderLookup } from "@pos/validators";
import { storeCaller } from "~/server/caller";
import { readShop } from "~/server/shop";

interface Props {
  searchParams: Promise<Record<string, string | undefined>>;
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("order");
  return { title: t("title"), robots: { index: false } };
}

async function findOrder(search: Record<string, string | undefined>) {
  const lookup = ZOrderLookup.safeParse({
    reference: search.numero,
    email: search.email || undefined,
    phone: search.telefono || undefined,
  });
  if (!lookup.success) return { order: null, notFound: Boolean(search.numero) };
  try {
    return { order: await storeCaller().orders.lookup(lookup.data), notFound: false };
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return { order: null, notFound: true };
    throw error;
  }
}

export default async function OrderPage({ searchParams }: Props) {
  const search = await searchParams;
  const [{ order, notFound }, shop, t, format] = await Promise.all([
    findOrder(search),
    readShop(),
    getTranslations("order"),
    getFormatter(),
  ]);
  const price = (amount: string) => formatMoney(amount, shop);

  if (!order) {
    return (
      <main id="main" className="mx-auto max-w-md px-4 pt-10">
        <h1 className="text-3xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-2 text-muted">{t("intro")}</p>
        {notFound && (
          <p role="alert" className="mt-4 rounded-lg bg-danger-soft p-3 text-sm text-danger">
            {t("notFound")}
          </p>
        )}
        <form action="/pedido" className="mt-6 space-y-4">
          <Input
            label={t("reference")}
            name="numero"
            required
            defaultValue={search.numero}
            placeholder="CEN-000123"
            className="uppercase"
          />
          <Input label={t("email")} name="email" defaultValue={search.email} type="email" autoComplete="email" />
          <Input label={t("phone")} name="telefono" defaultValue={search.telefono} type="tel" autoComplete="tel" />
          <button
            type="submit"
            className="h-12 w-full rounded-xl bg-brand-700 font-semibold text-white hover:bg-brand-900"
          >
            {t("find")}
          </button>
        </form>
      </main>
    );
  }

  return (
    <main id="main" className="mx-auto max-w-2xl px-4 pt-10">
      {search.nuevo && <p className="mb-2 font-medium text-ok-ink">{t("thanks")}</p>}
      <h1 className="text-3xl font-semibold tracking-tight" data-testid="order-reference">
        {t("heading", { reference: order.reference })}
      </h1>
      <p className="mt-2">
        <span
          className="rounded-full bg-brand-50 px-3 py-1 text-sm font-medium text-brand-900"
          data-testid="order-status"
        >
          {t(`status.${order.status as "PENDING"}`)}
        </span>{" "}
        <span className="text-sm text-muted">
          {format.dateTime(order.createdAt, { dateStyle: "long", timeStyle: "short" })}
        </span>
      </p>
      {order.instructions && (
        <p
          className="mt-6 rounded-xl border border-brand-100 bg-brand-50 p-4 text-brand-900"
          data-testid="order-instructions"
        >
          {order.instructions}
        </p>
      )}
      <ul className="mt-6 divide-y divide-line border-y border-line">
        {order.items.map((item, index) => (
          <li key={index} className="flex justify-between gap-4 py-3 text-sm">
            <span>
              {item.quantity} × {item.productName}
              {item.sizeLabel && <span className="text-muted"> · {item.sizeLabel}</span>}
            </span>
            <span className="tabular-nums">{price(item.lineTotal)}</span>
          </li>
        ))}
      </ul>
      <dl className="mt-4 space-y-1 text-sm">
        {Number(order.discount) > 0 && (
          <div className="flex justify-between">
            <dt className="text-muted">{t("discount")}</dt>
            <dd className="tabular-nums">−{price(order.discount)}</dd>
          </div>
        )}
        {Number(order.surcharge) > 0 && (
          <div className="flex justify-between">
            <dt className="text-muted">{t("surcharge")}</dt>
            <dd className="tabular-nums">{price(order.surcharge)}</dd>
          </div>
        )}
        <div className="flex justify-between">
          <dt className="text-muted">{t("shipping")}</dt>
          <dd className="tabular-nums">{price(order.shipping)}</dd>
        </div>
        <div className="flex justify-between border-t border-line pt-2 text-base font-semibold">
          <dt>{t("total")}</dt>
          <dd className="tabular-nums" data-testid="order-total">
            {price(order.total)}
          </dd>
        </div>
      </dl>
      <p className="mt-6 text-sm text-muted">
        {order.pickupAt
          ? t("pickupAt", { shop: order.pickupAt.name, address: order.pickupAt.address })
          : t("shipTo", { address: order.shippingAddress ?? "" })}
      </p>
    </main>
  );
}
