import type { Metadata } from "next";
import { TRPCError } from "@trpc/server";
import type { RouterOutputs } from "@pos/api";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, CardDescription, CardTitle } from "@pos/ui";
import { LocaleSwitch } from "~/components/locale-switch";
import { roleLabel } from "~/components/role";
import { ShopMark } from "~/components/shop-mark";
import { SignOut } from "~/components/sign-out";
import { serverCaller } from "~/server/context";
import { requireStaffUser } from "~/server/session";
import { shopName } from "~/server/store-info";
import { Register, SessionBadge } from "~/register/register";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: t("title") };
}

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

export default async function RegisterPage({
  searchParams,
}: {
  searchParams: Promise<{ branch?: string; denied?: string }>;
}) {
  await requireStaffUser();
  const [profile, name, t] = await Promise.all([loadProfile(), shopName(), getTranslations("registerPage")]);

  if (!profile) {
    return (
      <main className="flex min-h-dvh items-center justify-center px-4">
        <Card className="max-w-sm text-center">
          <CardTitle>{t("inactiveTitle")}</CardTitle>
          <CardDescription className="mb-5">{t("inactiveBody")}</CardDescription>
          <SignOut label={t("signOut")} />
        </Card>
      </main>
    );
  }

  const role = await roleLabel(profile.role);
  // A register belongs to one branch: the cashier's own, or for staff without one the branch they pick here.
  const query = await searchParams;
  const picked = Number(query.branch);
  const managesStore = profile.role === "MANAGER" || profile.role === "ADMIN";
  const branchId = profile.branch?.id ?? (Number.isInteger(picked) && picked > 0 ? picked : null);
  const branches = branchId === null ? await (await serverCaller()).branches.list({}) : [];
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-line bg-white print:hidden">
        <div className="mx-auto flex max-w-7xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
          <div className="flex min-w-0 items-center gap-3">
            <ShopMark name={name} size="sm" />
            <div className="min-w-0 leading-tight">
              <p className="truncate font-semibold">{name}</p>
              <p className="text-xs text-muted" data-testid="branch-name">
                {profile.branch?.name ?? branches.find((b) => b.id === branchId)?.name ?? t("pickBranch")}
              </p>
            </div>
          </div>
          <div className="flex shrink-0 items-center gap-3 sm:gap-4">
            {branchId !== null && <SessionBadge branchId={branchId} />}
            <div className="hidden text-right leading-tight sm:block" data-testid="signed-in-user">
              <p className="text-sm font-medium">{profile.name}</p>
              <p className="text-xs text-muted">{role}</p>
            </div>
            {managesStore && (
              <Link
                href="/admin"
                className="hidden rounded-lg px-3 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50 md:block"
              >
                {t("admin")}
              </Link>
            )}
            <LocaleSwitch />
            <SignOut label={t("signOut")} />
          </div>
        </div>
      </header>
      {query.denied === "admin" && (
        <p role="alert" className="bg-danger-soft px-4 py-2 text-center text-sm font-medium text-danger sm:px-6">
          {t("adminDenied")}
        </p>
      )}
      {branchId !== null ? (
        <Register branchId={branchId} role={profile.role} />
      ) : (
        <main className="flex flex-1 items-center justify-center px-4 py-10">
          <Card className="w-full max-w-md">
            <CardTitle>{t("branchQuestion")}</CardTitle>
            <CardDescription className="mb-5">{t("noFixedBranch")}</CardDescription>
            <ul className="grid gap-2">
              {branches.map((branch) => (
                <li key={branch.id}>
                  <Link
                    href={`/?branch=${branch.id}`}
                    className="flex items-center justify-between rounded-lg border border-line px-4 py-3 hover:border-brand-500 hover:bg-brand-50"
                  >
                    <span className="font-medium">{branch.name}</span>
                    <span className="text-sm text-muted">{branch.code}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        </main>
      )}
    </div>
  );
}
