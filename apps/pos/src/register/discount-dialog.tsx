"use client";

import { useState, type SyntheticEvent } from "react";
import { useTranslations } from "next-intl";
import { Button, Input } from "@pos/ui";
import { percentOf, type Cents } from "@pos/validators";
import { Dialog } from "./dialog";
import { money, parseTypedAmount, type StoreMoney } from "./money";

/**
 * An amount off a line or off the whole sale, typed in pesos or as a percent of `amount`, never above what this
 * seller may give (`max`; the server checks the same limit).
 */
export function DiscountDialog(props: {
  title: string;
  amount: Cents;
  current: Cents;
  max: Cents;
  store: StoreMoney;
  onApply: (discount: Cents) => void;
  onClose: () => void;
}) {
  const t = useTranslations("discount");
  const [mode, setMode] = useState<"percent" | "amount">("percent");
  const [text, setText] = useState("");
  const typed = parseTypedAmount(text);
  const discount =
    typed === null ? null : mode === "amount" ? typed : percentOf(props.amount, (typed / 100).toFixed(2));
  const tooMuch = discount !== null && discount > props.max;

  function apply(event: SyntheticEvent) {
    event.preventDefault();
    if (discount === null || tooMuch) return;
    props.onApply(discount);
  }

  return (
    <Dialog title={props.title} onClose={props.onClose}>
      <form onSubmit={apply} className="grid gap-4">
        <div className="flex gap-2" role="group" aria-label={t("kind")}>
          <Button variant={mode === "percent" ? "primary" : "secondary"} onClick={() => setMode("percent")}>
            {t("percent")}
          </Button>
          <Button variant={mode === "amount" ? "primary" : "secondary"} onClick={() => setMode("amount")}>
            {t("amount")}
          </Button>
        </div>
        <Input
          label={mode === "percent" ? t("percentLabel") : t("amountLabel")}
          autoFocus
          inputMode="decimal"
          value={text}
          onChange={(event) => setText(event.target.value)}
          hint={t("hint", { amount: money(props.amount, props.store), max: money(props.max, props.store) })}
          error={
            text !== "" && discount === null
              ? t("notANumber")
              : tooMuch
                ? t("tooMuch", { max: money(props.max, props.store) })
                : undefined
          }
        />
        <div className="flex gap-2">
          {props.current > 0 && (
            <Button variant="ghost" onClick={() => props.onApply(0)}>
              {t("remove")}
            </Button>
          )}
          <Button type="submit" className="flex-1" disabled={discount === null || tooMuch}>
            {discount !== null && !tooMuch ? t("applyAmount", { amount: money(discount, props.store) }) : t("apply")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
