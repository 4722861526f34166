import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-3 px-4 text-center">
      <p className="text-sm font-medium text-brand-600">404</p>
      <h1 className="text-2xl font-semibold">No encontramos esta página</h1>
      <Link href="/" className="text-sm font-medium text-brand-700 underline underline-offset-4">
        Volver a la caja
      </Link>
    </main>
  );
}
