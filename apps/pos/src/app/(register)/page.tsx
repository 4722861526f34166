import type { Metadata } from "next";
import { TRPCError } from "@trpc/server";
import type { RouterOutputs } from "@pos/api";
import { Badge, Button, Card, CardDescription, CardTitle } from "@pos/ui";
import { roleLabel } from "~/components/role";
import { ShopMark } from "~/components/shop-mark";
import { serverCaller } from "~/server/context";
import { requireStaffUser } from "~/server/session";
import { shopName } from "~/server/store-info";
import { logout } from "./actions";
import { HealthPanel } from "./health-panel";

export const metadata: Metadata = { title: "Caja" };

type Profile = RouterOutputs["session"]["me"];

async function loadProfile(): Promise<Profile | null> {
  try {
    return await (await serverCaller()).session.me();
  } catch (error) {
    // A valid cookie for an account disabled since sign-in: show why, do not bounce between / and /login.
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") return null;
    throw error;
  }
}

function SignOut() {
  return (
    <form action={logout}>
      <Button type="submit" variant="secondary" size="sm">
        Cerrar sesión
      </Button>
    </form>
  );
}

export default async function RegisterPage() {
  await requireStaffUser();
  const [profile, name] = await Promise.all([loadProfile(), shopName()]);

  if (!profile) {
    return (
      <main className="flex min-h-dvh items-center justify-center px-4">
        <Card className="max-w-sm text-center">
          <CardTitle>Tu cuenta no está activa</CardTitle>
          <CardDescription className="mb-5">Pedile a un administrador que la reactive.</CardDescription>
          <SignOut />
        </Card>
      </main>
    );
  }

  const branch = profile.branch ? `Sucursal ${profile.branch.name}` : "Todas las sucursales";
  return (
    <div className="min-h-dvh">
      <header className="border-b border-line bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
          <div className="flex min-w-0 items-center gap-3">
            <ShopMark name={name} size="sm" />
            <div className="min-w-0 leading-tight">
              <p className="truncate font-semibold">{name}</p>
              <p className="text-xs text-muted">Caja</p>
            </div>
          </div>
          <div className="flex shrink-0 items-center gap-3 sm:gap-4">
            <div className="hidden text-right leading-tight sm:block" data-testid="signed-in-user">
              <p className="text-sm font-medium">{profile.name}</p>
              <p className="text-xs text-muted">{branch}</p>
            </div>
            <Badge tone="brand">{roleLabel[profile.role]}</Badge>
            <SignOut />
          </div>
        </div>
      </header>

      <main className="mx-auto grid max-w-6xl gap-6 px-4 py-8 sm:px-6 lg:grid-cols-[1fr_22rem]">
        <Card className="flex flex-col justify-between gap-8">
          <div>
            <p className="text-sm text-muted">Hola,</p>
            <h1 className="text-3xl font-semibold tracking-tight">{profile.name}</h1>
            <dl className="mt-6 grid gap-4 text-sm sm:grid-cols-3">
              <div>
                <dt className="text-muted">Rol</dt>
                <dd className="mt-0.5 font-medium">{roleLabel[profile.role]}</dd>
              </div>
              <div>
                <dt className="text-muted">Sucursal</dt>
                <dd className="mt-0.5 font-medium" data-testid="branch-name">
                  {profile.branch?.name ?? "Todas"}
                </dd>
              </div>
              <div>
                <dt className="text-muted">Email</dt>
                <dd className="mt-0.5 truncate font-medium">{profile.email}</dd>
              </div>
            </dl>
          </div>
          <div className="rounded-xl border border-dashed border-line bg-surface p-6 text-center">
            <p className="font-medium">La pantalla de venta está en camino</p>
            <p className="mt-1 text-sm text-muted">
              Escaneo de productos, carrito y cobro llegan en la próxima entrega.
            </p>
          </div>
        </Card>
        <HealthPanel />
      </main>
    </div>
  );
}
