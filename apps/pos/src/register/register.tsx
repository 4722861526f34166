"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import type { RouterOutputs } from "@pos/api";
import { Badge } from "@pos/ui";
import { trpc } from "~/trpc/react";
import { useOutbox, type Outbox } from "./offline/outbox";
import { offlineFriendly, useSnapshot } from "./offline/use-snapshot";
import { OpenSession } from "./open-session";
import { SellScreen } from "./sell-screen";
import { ZReportView } from "./z-report-view";

/** The register for one branch: open a drawer if this cashier has none here, then sell, online or not. */
export function Register({ branchId, role }: { branchId: number; role: string }) {
  const t = useTranslations("register");
  const setup = useSnapshot<RouterOutputs["register"]["setup"]>(
    `setup:${branchId}`,
    trpc.register.setup.useQuery({ branchId }, { staleTime: Number.POSITIVE_INFINITY, ...offlineFriendly }),
  );
  const session = useSnapshot<RouterOutputs["cashSessions"]["current"]>(
    `session:${branchId}`,
    trpc.cashSessions.current.useQuery({ branchId }, offlineFriendly),
  );
  const outbox = useOutbox(branchId);
  // Right after a close: its Z report, until the cashier is done with it.
  const [closedSessionId, setClosedSessionId] = useState<number | null>(null);

  useEffect(() => {
    // The shell and the copies above must outlive storage pressure: ask the browser to keep them.
    void navigator.storage.persist().catch(() => undefined);
    if ("serviceWorker" in navigator) void keepShell().catch(() => undefined);
  }, []);

  const error = setup.error ?? session.error;
  if (error) {
    return (
      <main className="flex flex-1 items-center justify-center p-8">
        <p role="alert" className="rounded-lg bg-danger-soft px-4 py-3 text-danger">
          {error instanceof Error ? error.message : t("setupFailed")}
        </p>
      </main>
    );
  }
  if (!setup.data || session.data === undefined) {
    return (
      <main className="flex flex-1 items-center justify-center p-8 text-muted" aria-busy="true">
        {t("preparing")}
      </main>
    );
  }
  if (closedSessionId !== null) {
    return <ZReportView sessionId={closedSessionId} store={setup.data.store} onDone={() => setClosedSessionId(null)} />;
  }
  if (session.data === null) return <OpenSession branchId={branchId} branchName={setup.data.branch.name} />;
  return (
    <>
      <ConnectionBar outbox={outbox} />
      <SellScreen
        outbox={outbox}
        session={session.data}
        onSessionClosed={setClosedSessionId}
        setup={{
          branchId,
          shopName: setup.data.store.name,
          role,
          cashierMaxDiscountPercent: setup.data.store.cashierMaxDiscountPercent,
          store: setup.data.store,
          paymentMethods: setup.data.paymentMethods,
        }}
      />
    </>
  );
}

/** Installs the service worker and hands it what this page loaded before it was in control. */
async function keepShell(): Promise<void> {
  await navigator.serviceWorker.register("/sw.js");
  const worker = (await navigator.serviceWorker.ready).active;
  // Build output only. The page itself is kept when the worker sees it load (the next reload or visit): fetching
  // it from here, with the session cookie, could race a sign-out and bring the session back to life.
  const urls = performance
    .getEntriesByType("resource")
    .map((entry) => entry.name)
    .filter((url) => url.startsWith(`${window.location.origin}/_next/static/`));
  worker?.postMessage({ type: "cache-urls", urls });
}

/** Whether the register reaches the server, what is waiting to go, and what does not work meanwhile. */
function ConnectionBar({ outbox }: { outbox: Outbox }) {
  const t = useTranslations("connection");
  const { online, pending, failed, shortfalls } = outbox;
  if (online && pending.length === 0 && failed.length === 0 && shortfalls.length === 0) return null;
  return (
    <div className="print:hidden" data-testid="connection-bar">
      {!online && (
        <p role="status" className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-950 sm:px-6">
          {t.rich("offline", { strong: (chunks) => <strong>{chunks}</strong> })}
        </p>
      )}
      {pending.length > 0 && (
        <p
          role="status"
          className="bg-amber-50 px-4 py-2 text-center text-sm text-amber-900"
          data-testid="pending-sales"
        >
          {t("pending", { count: pending.length })}
        </p>
      )}
      {failed.length > 0 && (
        <p role="alert" className="bg-danger-soft px-4 py-2 text-center text-sm text-danger">
          {t("failed", { count: failed.length, errors: failed.map((sale) => sale.error).join(" · ") })}
        </p>
      )}
      {shortfalls.length > 0 && (
        <p role="status" className="bg-brand-50 px-4 py-2 text-center text-sm text-brand-900">
          {t("shortfalls", {
            list: shortfalls.map(({ reference, units }) => t("shortfall", { reference, units })).join(" "),
          })}
        </p>
      )}
    </div>
  );
}

export function SessionBadge({ branchId }: { branchId: number }) {
  const t = useTranslations("register");
  const session = trpc.cashSessions.current.useQuery({ branchId }, offlineFriendly);
  if (session.data === undefined) return null;
  return session.data ? <Badge tone="ok">{t("sessionOpen")}</Badge> : <Badge>{t("sessionClosed")}</Badge>;
}
