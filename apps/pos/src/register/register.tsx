"use client";

import { Badge } from "@pos/ui";
import { trpc } from "~/trpc/react";
import { OpenSession } from "./open-session";
import { SellScreen } from "./sell-screen";

/** The register for one branch: open a drawer if this cashier has none here, then sell. */
export function Register({ branchId }: { branchId: number }) {
  const setup = trpc.register.setup.useQuery({ branchId }, { staleTime: Number.POSITIVE_INFINITY });
  const session = trpc.cashSessions.current.useQuery({ branchId });

  if (setup.error ?? session.error) {
    return (
      <main className="flex flex-1 items-center justify-center p-8">
        <p role="alert" className="rounded-lg bg-danger-soft px-4 py-3 text-danger">
          {(setup.error ?? session.error)?.message}
        </p>
      </main>
    );
  }
  if (!setup.data || session.data === undefined) {
    return (
      <main className="flex flex-1 items-center justify-center p-8 text-muted" aria-busy="true">
        Preparando la caja…
      </main>
    );
  }
  if (session.data === null) return <OpenSession branchId={branchId} branchName={setup.data.branch.name} />;
  return (
    <>
      <div className="sr-only" role="status">
        Caja abierta en {setup.data.branch.name}
      </div>
      <SellScreen setup={{ branchId, store: setup.data.store, paymentMethods: setup.data.paymentMethods }} />
    </>
  );
}

export function SessionBadge({ branchId }: { branchId: number }) {
  const session = trpc.cashSessions.current.useQuery({ branchId });
  if (session.data === undefined) return null;
  return session.data ? <Badge tone="ok">Caja abierta</Badge> : <Badge>Caja cerrada</Badge>;
}
