"use client";

import { useState, type SyntheticEvent } from "react";
import { Button, Card, CardDescription, CardTitle, Input } from "@pos/ui";
import { fromCents } from "@pos/validators";
import { trpc } from "~/trpc/react";
import { parseTypedAmount } from "./money";

/** No open drawer for this cashier here yet: count the float and open one. */
export function OpenSession({ branchId, branchName }: { branchId: number; branchName: string }) {
  const utils = trpc.useUtils();
  const [float, setFloat] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const open = trpc.cashSessions.open.useMutation({
    onSuccess: () => utils.cashSessions.current.invalidate({ branchId }),
  });

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const cents = float.trim() === "" ? 0 : parseTypedAmount(float);
    if (cents === null) {
      setFieldError("Escribí el monto en pesos, por ejemplo 15000 o 15.000,50.");
      return;
    }
    setFieldError(null);
    open.mutate({ branchId, openingFloat: fromCents(cents) });
  }

  return (
    <main className="flex flex-1 items-center justify-center px-4 py-10">
      <Card className="w-full max-w-md">
        <CardTitle>Abrir caja</CardTitle>
        <CardDescription className="mb-6">
          Contá el efectivo con el que empieza el cajón de {branchName}. Al cerrar, la caja compara lo esperado con lo
          contado.
        </CardDescription>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          <Input
            label="Fondo inicial"
            autoFocus
            inputMode="decimal"
            value={float}
            onChange={(event) => setFloat(event.target.value)}
            placeholder="0,00"
            error={fieldError ?? open.error?.message}
          />
          <Button type="submit" size="lg" disabled={open.isPending}>
            {open.isPending ? "Abriendo…" : "Abrir caja"}
          </Button>
        </form>
      </Card>
    </main>
  );
}
