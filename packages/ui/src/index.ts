export { Badge, type BadgeProps } from "./badge.tsx";
export { Button, type ButtonProps } from "./button.tsx";
export { Card, CardDescription, CardTitle } from "./card.tsx";
export { cx } from "./cx.ts";
export { Input, type InputProps } from "./input.tsx";
export { formatMoney, type MoneyFormatOptions } from "@pos/validators/money-format";
export type { DecimalLike } from "@pos/validators";
export { DEFAULT_LOCALE, isLocale, LOCALES, resolveLocale, type AppLocale } from "./locales.ts";
export { invalidFields } from "./invalid-fields.ts";
