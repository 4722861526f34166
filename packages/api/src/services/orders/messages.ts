// The words a shopper gets with an order: how to pay it, and the WhatsApp message that opens the chat. In the
// store's language (Spanish for es-*, English otherwise), with money formatted by the one formatter.
import type { Fulfillment, PaymentType } from "@pos/db";
import { formatMoney } from "@pos/validators";
import type { StoreFacts } from "./terms.ts";

export interface InstructionFacts {
  reference: string;
  total: string;
  fulfillment: Fulfillment | null;
  payment: { type: PaymentType; name: string };
  /** Where the shopper said they can be reached (email or phone). */
  shopperContact: string | null;
}

const spanish = (locale: string) => locale.toLowerCase().startsWith("es");

/** One or two sentences saying what to do next to pay; kept simple on purpose (no bank data in the config). */
export function paymentInstructions(store: StoreFacts, order: InstructionFacts): string {
  const es = spanish(store.locale);
  const total = formatMoney(order.total, store);
  const place = store.branch ? `${store.branch.name}, ${store.branch.address}` : store.storeName;
  const pickup = order.fulfillment === "PICKUP";
  const storeContact = store.email ?? store.phone;
  const shopper = order.shopperContact ?? (es ? "tus datos de contacto" : "your contact details");
  switch (order.payment.type) {
    case "TRANSFER": {
      const receipt = storeContact
        ? es
          ? ` y enviá el comprobante a ${storeContact}`
          : ` and send the receipt to ${storeContact}`
        : "";
      return es
        ? `Transferí ${total} a ${store.storeName} indicando el pedido ${order.reference}${receipt}.`
        : `Send ${total} by bank transfer to ${store.storeName}, quoting order ${order.reference}${receipt}.`;
    }
    case "CASH":
      if (pickup)
        return es
          ? `Pagás ${total} en efectivo al retirar en ${place}.`
          : `Pay ${total} in cash when you collect it at ${place}.`;
      return es ? `Pagás ${total} en efectivo al recibir el pedido.` : `Pay ${total} in cash on delivery.`;
    case "DEBIT":
    case "CREDIT":
      if (pickup) {
        return es
          ? `Pagás ${total} con ${order.payment.name} al retirar en ${place}.`
          : `Pay ${total} by ${order.payment.name} when you collect it at ${place}.`;
      }
      return es
        ? `Te escribimos a ${shopper} para cobrar ${total} con ${order.payment.name} antes del envío.`
        : `We will contact you at ${shopper} to take ${total} by ${order.payment.name} before shipping.`;
    default:
      return es
        ? `Te escribimos a ${shopper} con los datos para pagar ${total} con ${order.payment.name} (pedido ${order.reference}).`
        : `We will send the details to pay ${total} by ${order.payment.name} to ${shopper} (order ${order.reference}).`;
  }
}

export interface WhatsAppFacts {
  reference: string;
  contactName: string;
  total: string;
  shipping: string;
  items: readonly { productName: string; sizeLabel: string | null; quantity: number; lineTotal: string }[];
}

/** "{name}"-style placeholders; an unknown one is left as written so a typo in the template shows up. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

export function whatsAppMessage(template: string, store: StoreFacts, order: WhatsAppFacts): string {
  const es = spanish(store.locale);
  const money = (amount: string) => formatMoney(amount, store);
  const lines = order.items.map((item) => {
    const size = item.sizeLabel ? (es ? ` (talle ${item.sizeLabel})` : ` (size ${item.sizeLabel})`) : "";
    return `• ${item.quantity} × ${item.productName}${size}: ${money(item.lineTotal)}`;
  });
  if (order.shipping !== "0.00") lines.push(`• ${es ? "Envío" : "Shipping"}: ${money(order.shipping)}`);
  return fillTemplate(template, {
    store: store.storeName,
    name: order.contactName,
    order: order.reference,
    items: lines.join("\n"),
    total: money(order.total),
  });
}

/** wa.me wants the number as digits only, country code first, and the text URL-encoded. */
export function whatsAppLink(phoneNumber: string, text: string): string {
  return `https://wa.me/${phoneNumber.replace(/\D/g, "")}?text=${encodeURIComponent(text)}`;
}
