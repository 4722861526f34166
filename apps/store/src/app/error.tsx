"use client";

import { Button } from "@pos/ui";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-4 px-4 text-center">
      <h1 className="text-2xl font-semibold">La tienda no está disponible en este momento</h1>
      <p className="text-muted">Probá de nuevo en unos minutos.</p>
      <Button onClick={reset}>Reintentar</Button>
    </main>
  );
}
