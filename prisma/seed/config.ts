// The shop itself: branches, the payment methods it accepts, and the storefront's settings.
import type { PaymentType } from "@pos/db";
import type { RowSink } from "./rows.ts";
import { bannerSvg } from "./svg.ts";

export const BRANCHES = [
  {
    code: "CEN",
    name: "Centro",
    address: "Av. Corrientes 1250, C1043 CABA",
    phone: "+54 11 4321-1000",
    sellsOnline: true,
  },
  {
    code: "PAL",
    name: "Palermo",
    address: "Av. Santa Fe 3253, C1425 CABA",
    phone: "+54 11 4833-2000",
    sellsOnline: true,
  },
  {
    code: "NOR",
    name: "Outlet Norte",
    address: "Av. Maipú 2601, B1636 Olivos, Buenos Aires",
    phone: "+54 11 4790-3000",
    sellsOnline: false,
  },
] as const;

/** The branch that ships and hands over online and WhatsApp orders. */
export const FULFILLMENT_BRANCH_CODE = "PAL";
export const STORE_NAME = "Sur Deportes";

export interface MethodRef {
  id: number;
  type: PaymentType;
}

export interface PaymentSetup {
  cash: MethodRef;
  debit: MethodRef;
  credit: MethodRef;
  transfer: MethodRef;
  qr: MethodRef;
  /** Applied to sales paid entirely in cash (negative: a discount). */
  cashAdjustmentPercent: number;
  /** Credit card plans: installments → surcharge percent. */
  plans: readonly (readonly [installments: number, percent: number])[];
}

const METHODS = [
  { code: "cash", name: "Efectivo", type: "CASH", adjustment: -10 },
  { code: "debit", name: "Débito", type: "DEBIT", adjustment: 0 },
  { code: "credit", name: "Crédito", type: "CREDIT", adjustment: 0 },
  { code: "transfer", name: "Transferencia", type: "TRANSFER", adjustment: 0 },
  { code: "mp-qr", name: "Mercado Pago QR", type: "QR", adjustment: 0 },
] as const;

const PLANS = [
  [1, 0],
  [3, 10],
  [6, 20],
  [12, 35],
] as const;

export function pushBranches(sink: RowSink, createdAt: Date): Map<string, number> {
  const ids = new Map<string, number>();
  BRANCHES.forEach((branch, index) => {
    const id = index + 1;
    ids.set(branch.code, id);
    sink.push("Branch", { id, ...branch, active: true, lastSaleNumber: 0, createdAt, updatedAt: createdAt });
  });
  return ids;
}

export function pushPaymentMethods(sink: RowSink, createdAt: Date): PaymentSetup {
  const refs = new Map<string, MethodRef>();
  METHODS.forEach((method, index) => {
    const id = index + 1;
    refs.set(method.code, { id, type: method.type });
    sink.push("PaymentMethodConfig", {
      id,
      code: method.code,
      name: method.name,
      type: method.type,
      active: true,
      adjustmentPercent: `${method.adjustment}.00`,
      sortOrder: index,
      createdAt,
      updatedAt: createdAt,
    });
  });
  const ref = (code: string): MethodRef => {
    const found = refs.get(code);
    if (!found) throw new Error(`payment method ${code} missing`);
    return found;
  };
  const credit = ref("credit");
  PLANS.forEach(([installments, percent], index) => {
    sink.push("InstallmentPlan", {
      id: index + 1,
      methodId: credit.id,
      installments,
      surchargePercent: `${percent}.00`,
      active: true,
    });
  });
  return {
    cash: ref("cash"),
    debit: ref("debit"),
    credit,
    transfer: ref("transfer"),
    qr: ref("mp-qr"),
    cashAdjustmentPercent: METHODS[0].adjustment,
    plans: PLANS,
  };
}

const BANNERS = [
  {
    slug: "temporada",
    title: "Nueva temporada",
    subtitle: "Camperas y buzos para entrenar con frío",
    linkUrl: "/c/camperas",
    art: { from: "#1d3557", to: "#457b9d", accent: "#a8dadc" },
  },
  {
    slug: "running",
    title: "Corré más lejos",
    subtitle: "Zapatillas running en hasta 6 cuotas",
    linkUrl: "/c/zapatillas-running",
    art: { from: "#ffb4a2", to: "#e5989b", accent: "#ffcdb2" },
  },
  {
    slug: "outlet",
    title: "Outlet: hasta 30 % off",
    subtitle: "Últimos talles en remeras y shorts",
    linkUrl: "/c/remeras",
    art: { from: "#f1faee", to: "#d8f3dc", accent: "#95d5b2" },
  },
] as const;

/** Storefront settings, banners, social links and WhatsApp; returns the banner images to write. */
export function pushStorefront(sink: RowSink, fulfillmentBranchId: number, createdAt: Date): Map<string, string> {
  const files = new Map<string, string>();
  sink.push("StoreConfig", {
    id: 1,
    storeName: STORE_NAME,
    description: "Ropa, calzado y accesorios deportivos. Tres locales en Buenos Aires y envíos a todo el país.",
    logoUrl: null,
    email: "hola@surdeportes.example",
    phone: "+54 11 4833-2000",
    address: "Av. Santa Fe 3253, C1425 CABA",
    currency: "ARS",
    locale: "es-AR",
    pricesIncludeTax: true,
    taxRate: "21.00",
    fulfillmentBranchId,
    pickupEnabled: true,
    shippingEnabled: true,
    shippingFee: "4999.00",
    freeShippingFrom: "150000.00",
    orderHoldMinutes: 120,
    cashierMaxDiscountPercent: "10",
    active: true,
    updatedAt: createdAt,
  });
  BANNERS.forEach((banner, index) => {
    const path = `demo/banners/${banner.slug}.svg`;
    files.set(path, bannerSvg({ title: banner.title, subtitle: banner.subtitle, ...banner.art }));
    sink.push("StoreBanner", {
      id: index + 1,
      title: banner.title,
      subtitle: banner.subtitle,
      imageUrl: `/uploads/${path}`,
      linkUrl: banner.linkUrl,
      position: index,
      active: true,
      createdAt,
      updatedAt: createdAt,
    });
  });
  const social = [
    ["instagram", "https://www.instagram.com/surdeportes.demo"],
    ["facebook", "https://www.facebook.com/surdeportes.demo"],
    ["tiktok", "https://www.tiktok.com/@surdeportes.demo"],
  ] as const;
  social.forEach(([platform, url], index) => {
    sink.push("SocialLink", { id: index + 1, platform, url, position: index, active: true });
  });
  sink.push("WhatsAppConfig", {
    id: 1,
    phoneNumber: "5491155550123",
    messageTemplate:
      "¡Hola {store}! Soy {name} y quiero hacer el pedido {order}:\n{items}\nTotal: {total}\n¿Me confirman disponibilidad y forma de pago?",
    active: true,
    updatedAt: createdAt,
  });
  return files;
}
