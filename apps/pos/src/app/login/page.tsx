import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@pos/ui";
import { LocaleSwitch } from "~/components/locale-switch";
import { ShopMark } from "~/components/shop-mark";
import { getActiveStaffUser } from "~/server/session";
import { shopName } from "~/server/store-info";
import { LoginForm } from "./login-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("login");
  return { title: t("title") };
}

export default async function LoginPage() {
  // The same check as the staff pages: a disabled user whose cookie is still valid gets the form, not a loop.
  if (await getActiveStaffUser()) redirect("/");
  const [name, t] = await Promise.all([shopName(), getTranslations("login")]);
  return (
    <main className="relative flex min-h-dvh items-center justify-center bg-gradient-to-b from-brand-50 to-surface px-4 py-12">
      <div className="absolute right-4 top-4">
        <LocaleSwitch />
      </div>
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center gap-3 text-center">
          <ShopMark name={name} />
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">{name}</h1>
            <p className="mt-1 text-sm text-muted">{t("subtitle")}</p>
          </div>
        </div>
        <Card className="p-7">
          <h2 className="mb-1 text-lg font-semibold">{t("heading")}</h2>
          <p className="mb-6 text-sm text-muted">{t("intro")}</p>
          <LoginForm />
        </Card>
        <p className="mt-6 text-center text-xs text-muted">{t("forgot")}</p>
      </div>
    </main>
  );
}
