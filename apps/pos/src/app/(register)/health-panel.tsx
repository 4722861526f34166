"use client";

import { Button, Card, CardDescription, CardTitle } from "@pos/ui";
import { trpc } from "~/trpc/react";

const time = new Intl.DateTimeFormat("es-AR", { timeStyle: "medium", dateStyle: "short" });

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex items-baseline justify-between gap-4 py-2 text-sm">
      <dt className="text-muted">{label}</dt>
      <dd className="text-right font-medium tabular-nums">{value}</dd>
    </div>
  );
}

/** Fetched from the browser on purpose: it proves the tRPC endpoint, the session cookie and the database together. */
export function HealthPanel() {
  const health = trpc.health.check.useQuery(undefined, { refetchInterval: 60_000 });
  const status = health.isPending ? "pending" : health.isError ? "down" : "up";
  return (
    <Card aria-labelledby="health-title" aria-busy={health.isFetching}>
      <div className="flex items-start justify-between gap-3">
        <div>
          <CardTitle id="health-title">Estado del sistema</CardTitle>
          <CardDescription>Servidor y base de datos</CardDescription>
        </div>
        <span
          className={
            status === "up"
              ? "inline-flex items-center gap-1.5 rounded-full bg-ok/15 px-2.5 py-1 text-xs font-medium text-ok"
              : status === "down"
                ? "inline-flex items-center gap-1.5 rounded-full bg-danger-soft px-2.5 py-1 text-xs font-medium text-danger"
                : "inline-flex items-center gap-1.5 rounded-full bg-ink/5 px-2.5 py-1 text-xs font-medium text-muted"
          }
        >
          <span aria-hidden className="size-1.5 rounded-full bg-current" />
          {status === "up" ? "En línea" : status === "down" ? "Sin conexión" : "Verificando…"}
        </span>
      </div>
      {health.data ? (
        <dl className="mt-4 divide-y divide-line" data-testid="health">
          <Row label="Base de datos" value={`${health.data.databaseLatencyMs.toLocaleString("es-AR")} ms`} />
          <Row label="Hora del servidor" value={time.format(health.data.serverTime)} />
          <Row label="Sucursales" value={String(health.data.branches)} />
          <Row label="Productos" value={String(health.data.products)} />
          <Row
            label="Migraciones"
            value={health.data.migrations ? `${health.data.migrations.applied} aplicadas` : "sin registro"}
          />
        </dl>
      ) : health.isError ? (
        <p role="alert" className="mt-4 text-sm text-danger">
          {health.error.message}
        </p>
      ) : (
        <div className="mt-4 space-y-3" aria-hidden>
          {[0, 1, 2, 3].map((i) => (
            <div key={i} className="h-5 animate-pulse rounded bg-ink/5" />
          ))}
        </div>
      )}
      <Button
        variant="secondary"
        size="sm"
        className="mt-4"
        onClick={() => void health.refetch()}
        disabled={health.isFetching}
      >
        {health.isFetching ? "Actualizando…" : "Actualizar"}
      </Button>
    </Card>
  );
}
