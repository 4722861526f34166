// The receipt of a sale as data (what the register renders and prints at 80 mm) and as plain text for thermal
// printers. It is read from the stored sale, never recomputed, so a reprint next year shows what was charged.
import type { Db, Prisma } from "@pos/db";
import { formatSaleReference, fromCents, toCents } from "@pos/validators";
import { DomainError } from "../../errors.ts";
import { STORE_TIME_ZONE } from "../z-report.ts";
import { renderReceiptText } from "./receipt-text.ts";

const receiptSelect = {
  id: true,
  number: true,
  channel: true,
  status: true,
  createdAt: true,
  offlineCreatedAt: true,
  createdOffline: true,
  subtotal: true,
  discount: true,
  surcharge: true,
  shipping: true,
  tax: true,
  total: true,
  notes: true,
  branch: { select: { code: true, name: true, address: true, phone: true } },
  cashier: { select: { name: true } },
  customer: { select: { name: true, taxId: true } },
  items: {
    select: {
      productName: true,
      sizeLabel: true,
      sku: true,
      quantity: true,
      unitPrice: true,
      discount: true,
      lineTotal: true,
      taxRate: true,
    },
    orderBy: { id: "asc" },
  },
  payments: {
    select: {
      method: true,
      amount: true,
      installments: true,
      surcharge: true,
      tendered: true,
      reference: true,
      methodConfig: { select: { name: true } },
    },
    orderBy: { id: "asc" },
  },
} satisfies Prisma.SaleSelect;

export interface ReceiptLine {
  name: string;
  size: string | null;
  sku: string;
  quantity: number;
  unitPrice: string;
  discount: string;
  lineTotal: string;
}

export interface ReceiptPayment {
  method: string;
  amount: string;
  installments: number;
  /** Per installment, when there is more than one. */
  installmentAmount: string | null;
  tendered: string | null;
  change: string | null;
  reference: string | null;
}

export interface Receipt {
  shop: {
    name: string;
    address: string | null;
    phone: string | null;
    currency: string;
    locale: string;
    /** Where the shop's clock is: the receipt's time is printed in it, wherever the register or server runs. */
    timeZone: string;
  };
  branch: { name: string; address: string; phone: string | null };
  saleId: number;
  /** "CEN-000123": printed, and encoded in the barcode (Code 128) that returns scan. */
  reference: string;
  barcode: string;
  status: string;
  channel: string;
  /** When the sale happened: the register's clock for offline sales. */
  date: string;
  cashier: string | null;
  customer: { name: string; taxId: string | null } | null;
  lines: ReceiptLine[];
  subtotal: string;
  discount: string;
  surcharge: string;
  shipping: string;
  tax: string;
  /** True when prices include the tax (it is shown as "contained"), false when it was added on top. */
  taxIncluded: boolean;
  total: string;
  payments: ReceiptPayment[];
  change: string;
  notes: string | null;
  createdOffline: boolean;
}

function installmentAmount(amount: string, installments: number): string | null {
  if (installments <= 1) return null;
  // Informative only (the card issuer settles the cents): the amount over the installments, half-up.
  const cents = toCents(amount);
  return fromCents(Math.floor((cents * 2 + installments) / (installments * 2)));
}

export async function readReceipt(db: Db, saleId: number): Promise<Receipt> {
  const sale = await db.sale.findUnique({ where: { id: saleId }, select: receiptSelect });
  if (!sale) throw new DomainError("NOT_FOUND", `Sale ${saleId} does not exist.`, { saleId });
  const config = await db.storeConfig.findUnique({
    where: { id: 1 },
    select: { storeName: true, address: true, phone: true, currency: true, locale: true, pricesIncludeTax: true },
  });
  const reference = formatSaleReference(sale.branch.code, sale.number);
  let change = 0;
  const payments = sale.payments.map((payment): ReceiptPayment => {
    const amount = payment.amount.toFixed(2);
    const tendered = payment.tendered?.toFixed(2) ?? null;
    const given = tendered === null ? null : toCents(tendered) - toCents(amount);
    change += given ?? 0;
    return {
      method: payment.methodConfig?.name ?? payment.method,
      amount,
      installments: payment.installments,
      installmentAmount: installmentAmount(amount, payment.installments),
      tendered,
      change: given === null ? null : fromCents(given),
      reference: payment.reference,
    };
  });
  return {
    shop: {
      name: config?.storeName ?? "Mi tienda",
      address: config?.address ?? null,
      phone: config?.phone ?? null,
      currency: config?.currency ?? "ARS",
      locale: config?.locale ?? "es-AR",
      timeZone: STORE_TIME_ZONE,
    },
    branch: { name: sale.branch.name, address: sale.branch.address, phone: sale.branch.phone },
    saleId: sale.id,
    reference,
    barcode: reference,
    status: sale.status,
    channel: sale.channel,
    date: (sale.offlineCreatedAt ?? sale.createdAt).toISOString(),
    cashier: sale.cashier?.name ?? null,
    customer: sale.customer,
    lines: sale.items.map((item) => ({
      name: item.productName,
      size: item.sizeLabel,
      sku: item.sku,
      quantity: item.quantity,
      unitPrice: item.unitPrice.toFixed(2),
      discount: item.discount.toFixed(2),
      lineTotal: item.lineTotal.toFixed(2),
    })),
    subtotal: sale.subtotal.toFixed(2),
    discount: sale.discount.toFixed(2),
    surcharge: sale.surcharge.toFixed(2),
    shipping: sale.shipping.toFixed(2),
    tax: sale.tax.toFixed(2),
    taxIncluded: config?.pricesIncludeTax ?? true,
    total: sale.total.toFixed(2),
    payments,
    change: fromCents(change),
    notes: sale.notes,
    createdOffline: sale.createdOffline,
  };
}

export async function printableReceipt(db: Db, saleId: number, options: { columns: 32 | 42 | 48; reprint: boolean }) {
  const receipt = await readReceipt(db, saleId);
  return { receipt, text: renderReceiptText(receipt, options) };
}
