// A receipt as monospaced text for thermal printers (ESC/POS printers print plain text; 80 mm paper fits 48
// columns in font A, 58 mm fits 32). Labels follow the shop's locale: Spanish for es-*, English otherwise.
import { formatMoney } from "@pos/validators";
import type { Receipt } from "./receipt.ts";

const LABELS = {
  es: {
    sale: "Ticket",
    date: "Fecha",
    cashier: "Cajero/a",
    customer: "Cliente",
    subtotal: "Subtotal",
    discount: "Descuentos",
    surcharge: "Recargos",
    shipping: "Envío",
    taxIncluded: "IVA contenido",
    taxAdded: "IVA",
    total: "TOTAL",
    tendered: "Entregado",
    change: "Su vuelto",
    installments: (n: number, each: string) => `${n} cuotas de ${each}`,
    reprint: "*** REIMPRESIÓN ***",
    offline: "Venta registrada sin conexión",
    voided: "*** ANULADA ***",
    thanks: "¡Gracias por su compra!",
  },
  en: {
    sale: "Receipt",
    date: "Date",
    cashier: "Cashier",
    customer: "Customer",
    subtotal: "Subtotal",
    discount: "Discounts",
    surcharge: "Surcharges",
    shipping: "Shipping",
    taxIncluded: "Tax included",
    taxAdded: "Tax",
    total: "TOTAL",
    tendered: "Tendered",
    change: "Change",
    installments: (n: number, each: string) => `${n} installments of ${each}`,
    reprint: "*** REPRINT ***",
    offline: "Sale recorded offline",
    voided: "*** VOIDED ***",
    thanks: "Thank you for your purchase!",
  },
};

/** Cuts or pads to exactly `width` characters. */
function fit(text: string, width: number): string {
  return text.length > width ? text.slice(0, width) : text.padEnd(width);
}

function center(text: string, width: number): string {
  const cut = text.slice(0, width);
  return " ".repeat(Math.floor((width - cut.length) / 2)) + cut;
}

/** Label on the left, amount on the right, never wider than the paper. */
function row(label: string, amount: string, width: number): string {
  const room = Math.max(width - amount.length - 1, 1);
  return `${fit(label, room)} ${amount}`;
}

/** Negative sign for money taken off, the way receipts show discounts. */
function minus(text: string): string {
  return `-${text}`;
}

export function renderReceiptText(receipt: Receipt, options: { columns: number; reprint: boolean }): string {
  const width = options.columns;
  const labels = receipt.shop.locale.toLowerCase().startsWith("es") ? LABELS.es : LABELS.en;
  const money = (amount: string) =>
    formatMoney(amount, { currency: receipt.shop.currency, locale: receipt.shop.locale });
  const date = new Intl.DateTimeFormat(receipt.shop.locale, {
    dateStyle: "short",
    timeStyle: "short",
    timeZone: receipt.shop.timeZone,
  }).format(new Date(receipt.date));
  const rule = "-".repeat(width);
  const out: string[] = [];

  out.push(center(receipt.shop.name, width));
  out.push(center(receipt.branch.name, width));
  if (receipt.branch.address) out.push(center(receipt.branch.address, width));
  if (receipt.branch.phone) out.push(center(receipt.branch.phone, width));
  if (options.reprint) out.push(center(labels.reprint, width));
  if (receipt.status === "VOIDED" || receipt.status === "CANCELLED") out.push(center(labels.voided, width));
  out.push(rule);
  out.push(row(labels.sale, receipt.reference, width));
  out.push(row(labels.date, date, width));
  if (receipt.cashier) out.push(row(labels.cashier, receipt.cashier, width));
  if (receipt.customer) out.push(row(labels.customer, receipt.customer.name, width));
  out.push(rule);

  for (const line of receipt.lines) {
    out.push(fit(line.size ? `${line.name} ${line.size}` : line.name, width));
    out.push(row(`  ${line.quantity} x ${money(line.unitPrice)}`, money(line.lineTotal), width));
    if (line.discount !== "0.00") out.push(row("  ", minus(money(line.discount)), width));
  }
  out.push(rule);

  out.push(row(labels.subtotal, money(receipt.subtotal), width));
  if (receipt.discount !== "0.00") out.push(row(labels.discount, minus(money(receipt.discount)), width));
  if (receipt.surcharge !== "0.00") out.push(row(labels.surcharge, money(receipt.surcharge), width));
  if (receipt.shipping !== "0.00") out.push(row(labels.shipping, money(receipt.shipping), width));
  if (!receipt.taxIncluded) out.push(row(labels.taxAdded, money(receipt.tax), width));
  out.push(row(labels.total, money(receipt.total), width));
  if (receipt.taxIncluded && receipt.tax !== "0.00") out.push(row(labels.taxIncluded, money(receipt.tax), width));
  out.push(rule);

  for (const payment of receipt.payments) {
    out.push(row(payment.method, money(payment.amount), width));
    if (payment.installmentAmount) {
      out.push(fit(`  ${labels.installments(payment.installments, money(payment.installmentAmount))}`, width));
    }
    if (payment.tendered) out.push(row(`  ${labels.tendered}`, money(payment.tendered), width));
    if (payment.reference) out.push(fit(`  ${payment.reference}`, width));
  }
  if (receipt.change !== "0.00") out.push(row(labels.change, money(receipt.change), width));
  out.push(rule);
  if (receipt.createdOffline) out.push(center(labels.offline, width));
  if (receipt.notes) out.push(fit(receipt.notes, width));
  out.push(center(receipt.barcode, width));
  out.push(center(labels.thanks, width));
  return out.map((line) => line.trimEnd()).join("\n");
}
