"use client";

import { useState, type SyntheticEvent } from "react";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("drawer");
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
    <Dialog title={t("title")} onClose={props.onClose} wide>
      <div role="tablist" aria-label={t("title")} className="mb-5 flex gap-2">
        {(
          [
            ["summary", t("tabSummary")],
            ["move", t("tabMove")],
            ["count", t("tabClose")],
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
          <Row label={t("openingFloat")} value={fmt(session.drawer.openingFloat)} />
          <Row label={t("cashSales")} value={fmt(session.drawer.cashSales)} />
          <Row label={t("cashRefunds")} value={`−${fmt(session.drawer.cashRefunds)}`} />
          <Row label={t("payIns")} value={fmt(session.drawer.payIns)} />
          <Row label={t("payOuts")} value={`−${fmt(session.drawer.payOuts)}`} />
          <Row label={t("expected")} value={fmt(session.drawer.expected)} strong />
        </dl>
      )}

      {tab === "move" && (
        <form onSubmit={submitMove} className="grid gap-4" noValidate>
          <div className="flex gap-2">
            <Button variant={kind === "payOut" ? "primary" : "secondary"} onClick={() => setKind("payOut")}>
              {t("payOut")}
            </Button>
            <Button variant={kind === "payIn" ? "primary" : "secondary"} onClick={() => setKind("payIn")}>
              {t("payIn")}
            </Button>
          </div>
          <Input
            label={t("amount")}
            inputMode="decimal"
            value={amount}
            onChange={(event) => setAmount(event.target.value)}
          />
          <Input
            label={t("reason")}
            value={reason}
            placeholder={kind === "payOut" ? t("payOutExample") : t("payInExample")}
            onChange={(event) => setReason(event.target.value)}
            error={move.error?.message}
          />
          <Button type="submit" disabled={move.isPending || parseTypedAmount(amount) === null}>
            {kind === "payOut" ? t("recordPayOut") : t("recordPayIn")}
          </Button>
        </form>
      )}

      {tab === "count" && (
        <div className="grid gap-4">
          {props.pendingSales > 0 ? (
            <p role="alert" className="rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900">
              {t("pendingSales", { count: props.pendingSales })}
            </p>
          ) : (
            <>
              <p className="text-sm text-muted">{t("countIntro")}</p>
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
                <Row label={t("counted")} value={money(counted, store)} strong />
                <Row label={t("expectedShort")} value={fmt(session.drawer.expected)} />
                <Row
                  label={difference === 0 ? t("noDifference") : difference > 0 ? t("over") : t("short")}
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
                {t("closeWith", { amount: money(counted, store) })}
              </Button>
            </>
          )}
        </div>
      )}
    </Dialog>
  );
}
