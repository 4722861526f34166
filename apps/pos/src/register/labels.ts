import { useTranslations } from "next-intl";
import type { PAYMENT_TYPES } from "@pos/validators";

/** How the shop names each payment type, on screens, receipts and the Z report, in the UI's language. */
export function usePaymentLabel(): (type: (typeof PAYMENT_TYPES)[number]) => string {
  const t = useTranslations("payment");
  return (type) => t(type);
}

/** The thermal-paper look shared by receipts and the Z report; `.receipt` is what the print stylesheet keeps. */
export const RECEIPT_PAPER =
  "receipt mx-auto w-full max-w-[80mm] bg-white px-4 py-5 font-mono text-[12px] leading-snug text-black shadow-sm print:shadow-none";
