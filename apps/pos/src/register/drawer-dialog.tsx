"use client";

import { useState, type SyntheticEvent } from "react";
import type { RouterOutputs } from "@pos/api";
import { Button, Input } from "@pos/ui";
import { fromCents, toCents, type Cents } from "@pos/validators";
import { trpc } from "~/trpc/react";
import { Dialog } from "./dialog";
import { money, parseTypedAmount, type StoreMoney } from "./money";

type Session = NonNullable<RouterOutputs["cashSessions"]["current"]>;

/** Argentine peso bills and coins a drawer holds, largest first: counting by denomination avoids sum slips. */
const DENOMINATIONS = [20_000, 10_000, 2_000, 1_000, 500, 200, 100, 50, 20, 10, 5, 2, 1];

function Row({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <div className={`flex justify-between gap-4 py-1.5 ${strong ? "font-semibold" : ""}`}>
      <dt className={strong ? "" : "text-muted"}>{label}</dt>
      <dd className="tabular-nums">{value}</dd>
    </div>
  );
}

/** The drawer of the open session: what it should hold, cash in and out with a reason, and the counted close. */
export function DrawerDialog(props: {
  session: Session;
  store: StoreMoney;
  pendingSales: number;
  onClosed: (sessionId: number) => void;
  onClose: () => void;
}) {
  const { store } = props;
  const utils = trpc.useUtils();
  const branchId = props.session.branch.id;
  // Re-read on opening: the drawer moved with every cash sale since the screen loaded it.
  const current = trpc.cashSessions.current.useQuery({ branchId }, { staleTime: 0, refetchOnMount: "always" });
  const session = current.data ?? props.session;
  const [tab, setTab] = useState<"summary" | "move" | "count">("summary");
  const refresh = () => utils.cashSessions.current.invalidate({ branchId });
  const [kind, setKind] = useState<"payIn" | "payOut">("payOut");
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [counts, setCounts] = useState<Record<number, string>>({});
  const payIn = trpc.cashSessions.payIn.useMutation({ onSuccess: refresh });
  const payOut = trpc.cashSessions.payOut.useMutation({ onSuccess: refresh });
  const close = trpc.cashSessions.close.useMutation({
    onSuccess: async () => {
      await refresh();
      props.onClosed(session.id);
    },
  });
  const move = kind === "payIn" ? payIn : payOut;
  const fmt = (amount: string) => money(toCents(amount), store);

  const counted: Cents = DENOMINATIONS.reduce((sum, value) => {
    const units = Number.parseInt(counts[value] ?? "", 10);
    return sum + (Number.isInteger(units) && units > 0 ? units * value * 100 : 0);
  }, 0);
  const difference = counted - toCents(session.drawer.expected);

  function submitMove(event: SyntheticEvent) {
    event.preventDefault();
    const cents = parseTypedAmount(amount);
    if (cents === null || cents <= 0) return;
    move.mutate(
      { branchId, amount: fromCents(cents), reason },
      {
        onSuccess: () => {
          setAmount("");
          setReason("");
          setTab("summary");
        },
      },
    );
  }

  return (
    <Dialog title="Caja" onClose={props.onClose} wide>
      <div role="tablist" aria-label="Caja" className="mb-5 flex gap-2">
        {(
          [
            ["summary", "Resumen"],
            ["move", "Ingreso / retiro"],
            ["count", "Cerrar caja"],
          ] as const
        ).map(([id, label]) => (
          <Button
            key={id}
            role="tab"
            aria-selected={tab === id}
            variant={tab === id ? "primary" : "secondary"}
            onClick={() => setTab(id)}
          >
            {label}
          </Button>
        ))}
      </div>

      {tab === "summary" && (
        <dl className="text-sm" data-testid="drawer-summary">
          <Row label="Fondo inicial" value={fmt(session.drawer.openingFloat)} />
          <Row label="Ventas en efectivo" value={fmt(session.drawer.cashSales)} />
          <Row label="Devoluciones en efectivo" value={`−${fmt(session.drawer.cashRefunds)}`} />
          <Row label="Ingresos" value={fmt(session.drawer.payIns)} />
          <Row label="Retiros" value={`−${fmt(session.drawer.payOuts)}`} />
          <Row label="Debería haber en el cajón" value={fmt(session.drawer.expected)} strong />
        </dl>
      )}

      {tab === "move" && (
        <form onSubmit={submitMove} className="grid gap-4" noValidate>
          <div className="flex gap-2">
            <Button variant={kind === "payOut" ? "primary" : "secondary"} onClick={() => setKind("payOut")}>
              Retiro
            </Button>
            <Button variant={kind === "payIn" ? "primary" : "secondary"} onClick={() => setKind("payIn")}>
              Ingreso
            </Button>
          </div>
          <Input label="Monto" inputMode="decimal" value={amount} onChange={(event) => setAmount(event.target.value)} />
          <Input
            label="Motivo"
            value={reason}
            placeholder={kind === "payOut" ? "Pago a proveedor, retiro a caja fuerte…" : "Cambio traído del banco…"}
            onChange={(event) => setReason(event.target.value)}
            error={move.error?.message}
          />
          <Button type="submit" disabled={move.isPending || parseTypedAmount(amount) === null}>
            Registrar {kind === "payOut" ? "retiro" : "ingreso"}
          </Button>
        </form>
      )}

      {tab === "count" && (
        <div className="grid gap-4">
          {props.pendingSales > 0 ? (
            <p role="alert" className="rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900">
              Hay {props.pendingSales} {props.pendingSales === 1 ? "venta" : "ventas"} sin enviar. La caja se puede
              cerrar cuando vuelva la conexión y se envíen.
            </p>
          ) : (
            <>
              <p className="text-sm text-muted">Contá los billetes y monedas del cajón. La caja calcula el total.</p>
              <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
                {DENOMINATIONS.map((value) => (
                  <Input
                    key={value}
                    label={`$ ${value.toLocaleString("es-AR")}`}
                    inputMode="numeric"
                    value={counts[value] ?? ""}
                    placeholder="0"
                    onChange={(event) => setCounts((current) => ({ ...current, [value]: event.target.value }))}
                  />
                ))}
              </div>
              <dl className="rounded-xl bg-surface px-5 py-3 text-sm">
                <Row label="Contado" value={money(counted, store)} strong />
                <Row label="Esperado" value={fmt(session.drawer.expected)} />
                <Row
                  label={difference === 0 ? "Sin diferencia" : difference > 0 ? "Sobrante" : "Faltante"}
                  value={money(Math.abs(difference), store)}
                  strong
                />
              </dl>
              {close.error && (
                <p role="alert" className="text-sm text-danger">
                  {close.error.message}
                </p>
              )}
              <Button
                size="lg"
                variant="danger"
                disabled={close.isPending}
                onClick={() => close.mutate({ sessionId: session.id, countedCash: fromCents(counted) })}
              >
                Cerrar caja con {money(counted, store)}
              </Button>
            </>
          )}
        </div>
      )}
    </Dialog>
  );
}
