"use client";

import type { SyntheticEvent } from "react";
import { useTranslations } from "next-intl";
import { Button, Input } from "@pos/ui";
import { MIN_PASSWORD_LENGTH, ROLES, ZUserCreate } from "@pos/validators";
import { trpc } from "~/trpc/react";
import { useFields } from "~/components/use-fields";
import { BranchOptions, ErrorNote, FORM_LABEL, FORM_SELECT } from "../ui";

const FIELDS = ["name", "email", "role", "branchId", "password"] as const;
type Role = (typeof ROLES)[number];

/** A new staff account, checked with the same schema as the API (a cashier needs a home branch). */
export function NewAccount(props: {
  branches: readonly { id: number; name: string }[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations("admin.users");
  const roles = useTranslations("roles");
  const form = useFields({
    initial: { name: "", email: "", role: "CASHIER" as Role, branchId: "", password: "" },
    fields: FIELDS,
    message: (field) => t(`errors.${field}`, { min: MIN_PASSWORD_LENGTH }),
  });
  const { values, set, bind, invalid } = form;
  const create = trpc.users.create.useMutation({ onSuccess: props.onDone });

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const input = { ...values, branchId: values.branchId ? Number(values.branchId) : null };
    const data = form.parse(ZUserCreate, input);
    if (data) create.mutate(data);
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={t("newTitle")}
      className="grid gap-4 rounded-card border border-line bg-white p-5 sm:grid-cols-2"
    >
      <h2 className="text-lg font-semibold sm:col-span-2">{t("newTitle")}</h2>
      <Input label={t("name")} {...bind("name")} autoFocus />
      <Input label={t("email")} type="email" {...bind("email")} />
      <label className={FORM_LABEL}>
        {t("role")}
        <select className={FORM_SELECT} value={values.role} onChange={(e) => set("role", e.target.value as Role)}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {roles(role)}
            </option>
          ))}
        </select>
      </label>
      <label className={FORM_LABEL}>
        {t("branch")}
        <select
          className={`${FORM_SELECT} aria-invalid:border-danger`}
          value={values.branchId}
          aria-invalid={invalid.has("branchId") || undefined}
          onChange={(e) => set("branchId", e.target.value)}
        >
          <option value="">{t("allBranches")}</option>
          <BranchOptions branches={props.branches} />
        </select>
        {invalid.has("branchId") && <span className="text-sm font-normal text-danger">{form.errorOf("branchId")}</span>}
      </label>
      <Input
        label={t("password")}
        hint={t("passwordHint", { min: MIN_PASSWORD_LENGTH })}
        type="password"
        autoComplete="new-password"
        {...bind("password")}
      />
      {create.error && (
        <div className="sm:col-span-2">
          <ErrorNote>{create.error.message}</ErrorNote>
        </div>
      )}
      <div className="flex justify-end gap-2 sm:col-span-2">
        <Button type="button" variant="ghost" onClick={props.onCancel}>
          {t("cancel")}
        </Button>
        <Button type="submit" disabled={create.isPending}>
          {t("create")}
        </Button>
      </div>
    </form>
  );
}
