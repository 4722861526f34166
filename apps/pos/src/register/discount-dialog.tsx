"use client";

import { useState, type SyntheticEvent } from "react";
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
        <div className="flex gap-2" role="group" aria-label="Tipo de descuento">
          <Button variant={mode === "percent" ? "primary" : "secondary"} onClick={() => setMode("percent")}>
            Porcentaje
          </Button>
          <Button variant={mode === "amount" ? "primary" : "secondary"} onClick={() => setMode("amount")}>
            Monto en $
          </Button>
        </div>
        <Input
          label={mode === "percent" ? "Descuento (%)" : "Descuento ($)"}
          autoFocus
          inputMode="decimal"
          value={text}
          onChange={(event) => setText(event.target.value)}
          hint={`Sobre ${money(props.amount, props.store)}. Podés descontar hasta ${money(props.max, props.store)}.`}
          error={
            text !== "" && discount === null
              ? "Escribí un número"
              : tooMuch
                ? `Supera lo que podés descontar (${money(props.max, props.store)}): pedíselo a un encargado.`
                : undefined
          }
        />
        <div className="flex gap-2">
          {props.current > 0 && (
            <Button variant="ghost" onClick={() => props.onApply(0)}>
              Quitar descuento
            </Button>
          )}
          <Button type="submit" className="flex-1" disabled={discount === null || tooMuch}>
            Aplicar {discount !== null && !tooMuch ? `−${money(discount, props.store)}` : ""}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
