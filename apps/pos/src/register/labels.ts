import type { PAYMENT_TYPES } from "@pos/validators";

/** How the shop names each payment type, on screens, receipts and the Z report. */
export const PAYMENT_LABELS: Record<(typeof PAYMENT_TYPES)[number], string> = {
  CASH: "Efectivo",
  DEBIT: "Débito",
  CREDIT: "Crédito",
  TRANSFER: "Transferencia",
  QR: "QR",
  OTHER: "Otro",
};

/** The thermal-paper look shared by receipts and the Z report; `.receipt` is what the print stylesheet keeps. */
export const RECEIPT_PAPER =
  "receipt mx-auto w-full max-w-[80mm] bg-white px-4 py-5 font-mono text-[12px] leading-snug text-black shadow-sm print:shadow-none";
