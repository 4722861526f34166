"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import type { RouterOutputs } from "@pos/api";
import { Badge, Button } from "@pos/ui";
import { trpc } from "~/trpc/react";
import { ActiveToggle, ErrorNote, Heading, TableHead } from "../ui";
import { BranchForm, NEW_BRANCH, type BranchValues } from "./branch-form";

type Editing = { id?: number; initial: BranchValues } | null;
type Row = RouterOutputs["branches"]["list"][number];
type StaffRow = Extract<Row, { sellsOnline: boolean }>;

/** Admins get the staff view of every branch; the guard only tells TypeScript so. */
const isStaffRow = (row: Row): row is StaffRow => "sellsOnline" in row;

/**
 * The shops: their facts for receipts, whether their stock is sold online, and which one serves the online store's
 * orders (that one cannot be deactivated until another takes over, in the store settings).
 */
export function BranchList({ fulfillmentBranchId }: { fulfillmentBranchId: number | null }) {
  const t = useTranslations("admin.branches");
  const utils = trpc.useUtils();
  const branches = trpc.branches.list.useQuery({});
  const refresh = () => void utils.branches.list.invalidate();
  const activate = trpc.branches.activate.useMutation({ onSuccess: refresh });
  const deactivate = trpc.branches.deactivate.useMutation({ onSuccess: refresh });
  const [editing, setEditing] = useState<Editing>(null);
  const error = branches.error ?? activate.error ?? deactivate.error;
  const rows = (branches.data ?? []).filter(isStaffRow);

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <Heading title={t("title")} subtitle={t("subtitle")} />
        {!editing && <Button onClick={() => setEditing({ initial: NEW_BRANCH })}>{t("add")}</Button>}
      </div>
      {editing && (
        <BranchForm
          key={editing.id ?? "new"}
          {...(editing.id !== undefined && { id: editing.id })}
          initial={editing.initial}
          onDone={() => {
            setEditing(null);
            refresh();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {error && <ErrorNote>{error.message}</ErrorNote>}
      <p className="text-sm text-muted">
        {t.rich("fulfillmentNote", {
          link: (chunks) => (
            <Link href="/admin/settings" className="font-medium text-brand-700 underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
      <div className="overflow-x-auto rounded-card border border-line bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">{t("title")}</caption>
          <TableHead
            cells={[
              { label: t("name") },
              { label: t("address") },
              { label: t("online") },
              { label: t("status") },
              { label: <span className="sr-only">{t("actions")}</span>, numeric: true },
            ]}
          />
          <tbody>
            {branches.isPending && (
              <tr>
                <td colSpan={5} className="px-5 py-6 text-center text-muted" aria-busy="true">
                  {t("loading")}
                </td>
              </tr>
            )}
            {rows.map((branch) => (
              <tr key={branch.id} className="border-b border-line last:border-0" data-testid="branch-row">
                <td className="px-5 py-3">
                  <p className="font-medium">{branch.name}</p>
                  <p className="text-xs text-muted">{branch.code}</p>
                </td>
                <td className="px-3 py-3">
                  <p>{branch.address}</p>
                  {branch.phone && <p className="text-xs text-muted">{branch.phone}</p>}
                </td>
                <td className="px-3 py-3">
                  <div className="flex flex-wrap gap-1">
                    {branch.id === fulfillmentBranchId && <Badge tone="brand">{t("fulfils")}</Badge>}
                    {branch.sellsOnline ? (
                      <Badge tone="ok">{t("sellsOnline")}</Badge>
                    ) : (
                      <span className="text-muted">—</span>
                    )}
                  </div>
                </td>
                <td className="px-3 py-3">
                  <Badge tone={branch.active ? "ok" : "danger"}>{branch.active ? t("active") : t("inactive")}</Badge>
                </td>
                <td className="px-5 py-3">
                  <div className="flex justify-end gap-2">
                    <Button
                      size="sm"
                      variant="secondary"
                      aria-label={t("editLabel", { name: branch.name })}
                      onClick={() =>
                        setEditing({
                          id: branch.id,
                          initial: {
                            name: branch.name,
                            code: branch.code,
                            address: branch.address,
                            phone: branch.phone ?? "",
                            sellsOnline: branch.sellsOnline,
                          },
                        })
                      }
                    >
                      {t("edit")}
                    </Button>
                    <ActiveToggle
                      active={branch.active}
                      pending={branch.active ? deactivate.isPending : activate.isPending}
                      off={{ text: t("deactivate"), label: t("deactivateLabel", { name: branch.name }) }}
                      on={{ text: t("activate"), label: t("activateLabel", { name: branch.name }) }}
                      onToggle={() => (branch.active ? deactivate : activate).mutate({ id: branch.id })}
                    />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
