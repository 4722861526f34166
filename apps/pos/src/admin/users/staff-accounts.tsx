"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@pos/ui";
import { trpc } from "~/trpc/react";
import { NewAccount } from "./new-account";
import { ResetPassword } from "./reset-password";
import { ActiveToggle, ErrorNote, Heading, TableHead } from "../ui";

type Branch = { id: number; name: string };

/**
 * Who can sign in, as what and where: add someone, give them a new password in person, or take their access away
 * (a disabled account's open sessions stop working within the staff-access cache time, seconds).
 */
export function StaffAccounts({ me, branches }: { me: number; branches: readonly Branch[] }) {
  const t = useTranslations("admin.users");
  const roles = useTranslations("roles");
  const utils = trpc.useUtils();
  const users = trpc.users.list.useQuery({});
  const refresh = () => void utils.users.list.invalidate();
  const disable = trpc.users.disable.useMutation({ onSuccess: refresh });
  const enable = trpc.users.enable.useMutation({ onSuccess: refresh });
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<{ id: number; name: string } | null>(null);
  const error = users.error ?? disable.error ?? enable.error;

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <Heading title={t("title")} subtitle={t("subtitle")} />
        {!adding && <Button onClick={() => setAdding(true)}>{t("add")}</Button>}
      </div>
      {adding && (
        <NewAccount
          branches={branches}
          onDone={() => {
            setAdding(false);
            refresh();
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      {error && <ErrorNote>{error.message}</ErrorNote>}
      <div className="overflow-x-auto rounded-card border border-line bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">{t("title")}</caption>
          <TableHead
            cells={[
              { label: t("name") },
              { label: t("role") },
              { label: t("branch") },
              { label: t("status") },
              { label: <span className="sr-only">{t("actions")}</span>, numeric: true },
            ]}
          />
          <tbody>
            {(users.data ?? []).map((user) => (
              <tr key={user.id} className="border-b border-line last:border-0" data-testid="staff-row">
                <td className="px-5 py-3">
                  <p className="font-medium">{user.name}</p>
                  <p className="text-xs text-muted">{user.email}</p>
                </td>
                <td className="px-3 py-3">{roles(user.role)}</td>
                <td className="px-3 py-3">{user.branch?.name ?? t("allBranches")}</td>
                <td className="px-3 py-3">
                  <span
                    className={`rounded-full px-2 py-0.5 text-xs font-medium ${
                      user.active ? "bg-ok/15 text-ok-ink" : "bg-danger-soft text-danger"
                    }`}
                  >
                    {user.active ? t("active") : t("disabled")}
                  </span>
                </td>
                <td className="px-5 py-3">
                  <div className="flex justify-end gap-2">
                    <Button
                      size="sm"
                      variant="secondary"
                      onClick={() => setResetting({ id: user.id, name: user.name })}
                    >
                      {t("resetPassword")}
                    </Button>
                    {user.id !== me && (
                      <ActiveToggle
                        active={user.active}
                        pending={user.active ? disable.isPending : enable.isPending}
                        off={{ text: t("disable"), label: t("disableLabel", { name: user.name }) }}
                        on={{ text: t("enable"), label: t("enableLabel", { name: user.name }) }}
                        onToggle={() => (user.active ? disable : enable).mutate({ id: user.id })}
                      />
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {resetting && <ResetPassword user={resetting} onClose={() => setResetting(null)} />}
    </div>
  );
}
