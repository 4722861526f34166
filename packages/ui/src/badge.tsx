import type { HTMLAttributes } from "react";
import { cx } from "./cx.ts";

const tones = {
  neutral: "bg-ink/5 text-ink",
  brand: "bg-brand-100 text-brand-900",
  ok: "bg-ok/15 text-ok-ink",
  danger: "bg-danger-soft text-danger",
} as const;

export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  tone?: keyof typeof tones;
}

export function Badge({ tone = "neutral", className, ...props }: BadgeProps) {
  return (
    <span
      className={cx("inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium", tones[tone], className)}
      {...props}
    />
  );
}
