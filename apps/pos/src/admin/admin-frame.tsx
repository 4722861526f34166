import type { ReactNode } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { StaffUser } from "@pos/auth";
import { LocaleSwitch } from "~/components/locale-switch";
import { roleLabel } from "~/components/role";
import { ShopMark } from "~/components/shop-mark";
import { SignOut } from "~/components/sign-out";
import { shopName } from "~/server/store-info";

/** Where the section goes; the last flag hides admin-only places from managers (the pages check it too). */
const SECTIONS = [
  ["dashboard", "/admin", false],
  ["sales", "/admin/sales", false],
  ["cash", "/admin/cash", false],
  ["products", "/admin/products", false],
  ["categories", "/admin/categories", false],
  ["inventory", "/admin/inventory", false],
  ["orders", "/admin/orders", false],
  ["customers", "/admin/customers", false],
  ["transfers", "/admin/transfers", false],
  ["users", "/admin/users", true],
  ["branches", "/admin/branches", true],
  ["settings", "/admin/settings", true],
  ["audit", "/admin/audit", false],
  ["import", "/admin/import", false],
  ["register", "/", false],
] as const;

export type AdminSection = (typeof SECTIONS)[number][0];

/** The managers' section around each of its pages: who is signed in, where they can go, and the way out. */
export async function AdminFrame({
  user,
  current,
  children,
}: {
  user: StaffUser;
  current: AdminSection;
  children: ReactNode;
}) {
  const [name, role, t] = await Promise.all([shopName(), roleLabel(user.role), getTranslations("admin.frame")]);
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-line bg-white">
        <div className="mx-auto flex max-w-7xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
          <div className="flex min-w-0 items-center gap-3">
            <ShopMark name={name} size="sm" />
            <div className="min-w-0 leading-tight">
              <p className="truncate font-semibold">{name}</p>
              <p className="text-xs text-muted">{t("section")}</p>
            </div>
          </div>
          <div className="flex shrink-0 items-center gap-3 sm:gap-4">
            <div className="hidden text-right leading-tight sm:block" data-testid="signed-in-user">
              <p className="text-sm font-medium">{user.name}</p>
              <p className="text-xs text-muted">{role}</p>
            </div>
            <LocaleSwitch />
            <SignOut label={t("signOut")} />
          </div>
        </div>
        <nav
          aria-label={t("navigation")}
          className="mx-auto flex max-w-7xl items-center gap-1 overflow-x-auto px-2 pb-2 sm:px-4"
        >
          {SECTIONS.filter(([, , adminOnly]) => !adminOnly || user.role === "ADMIN").map(([key, href]) => (
            <Link
              key={key}
              href={href}
              aria-current={key === current ? "page" : undefined}
              className={`shrink-0 rounded-lg px-3 py-2 text-sm font-medium ${
                key === current ? "bg-brand-50 text-brand-900" : "text-muted hover:bg-surface hover:text-ink"
              }`}
            >
              {t(key)}
            </Link>
          ))}
        </nav>
      </header>
      <main className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6">{children}</main>
    </div>
  );
}
