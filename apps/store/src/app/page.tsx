import type { Metadata } from "next";
import { headers } from "next/headers";
import { Badge, Card, CardDescription, CardTitle } from "@pos/ui";
import { storeCaller } from "~/server/caller";

// Store settings and stock change while the site runs: render per request, never at build time.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const info = await storeCaller().health.info();
  return { title: { absolute: info.storeName }, description: info.description || undefined };
}

const time = new Intl.DateTimeFormat("es-AR", { dateStyle: "long", timeStyle: "short" });

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-xl bg-surface px-4 py-3">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="mt-1 text-lg font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

export default async function HomePage() {
  const caller = storeCaller(await headers());
  const [info, health] = await Promise.all([caller.health.info(), caller.health.check()]);
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-line bg-white/80 backdrop-blur">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-4 sm:px-6">
          <p className="truncate text-lg font-semibold tracking-tight">{info.storeName}</p>
          <Badge tone="brand">Compras online muy pronto</Badge>
        </div>
      </header>

      <main className="flex-1">
        <section className="bg-gradient-to-br from-brand-900 via-brand-700 to-brand-500 text-white">
          <div className="mx-auto max-w-6xl px-4 py-20 sm:px-6 sm:py-28">
            <p className="text-sm font-medium tracking-wide text-brand-100 uppercase">Tienda online</p>
            <h1 className="mt-3 max-w-2xl text-4xl font-semibold tracking-tight sm:text-5xl">{info.storeName}</h1>
            <p className="mt-4 max-w-xl text-lg text-brand-50/90">
              {info.description || "Muy pronto vas a poder comprar online y retirar en el local o recibir en tu casa."}
            </p>
          </div>
        </section>

        <section className="mx-auto grid max-w-6xl gap-6 px-4 py-12 sm:px-6 md:grid-cols-[1fr_24rem]">
          <div>
            <h2 className="text-2xl font-semibold tracking-tight">El catálogo está en camino</h2>
            <p className="mt-2 max-w-prose text-muted">
              Estamos preparando la vitrina: categorías, talles y stock en vivo de nuestras sucursales.
            </p>
          </div>
          <Card aria-labelledby="status-title">
            <CardTitle id="status-title">Estado de la tienda</CardTitle>
            <CardDescription>Datos leídos ahora de la base de datos</CardDescription>
            <dl className="mt-4 grid grid-cols-2 gap-3" data-testid="store-health">
              <Stat label="Productos" value={String(health.products)} />
              <Stat label="Sucursales" value={String(health.branches)} />
              <Stat label="Base de datos" value={`${health.databaseLatencyMs.toLocaleString("es-AR")} ms`} />
              <Stat label="Migraciones" value={health.migrations ? String(health.migrations.applied) : "—"} />
            </dl>
            <p className="mt-4 text-xs text-muted">Actualizado el {time.format(health.serverTime)}</p>
          </Card>
        </section>
      </main>

      <footer className="border-t border-line py-6 text-center text-sm text-muted">
        © {info.storeName} · {new Date().getFullYear()}
      </footer>
    </div>
  );
}
