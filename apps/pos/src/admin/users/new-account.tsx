"use client";

import { useState, type SyntheticEvent } from "react";
import { useTranslations } from "next-intl";
import { Button, Input } from "@pos/ui";
import { MIN_PASSWORD_LENGTH, ROLES, ZUserCreate } from "@pos/validators";
import { trpc } from "~/trpc/react";
import { invalidFields } from "~/components/invalid-fields";
import { ErrorNote } from "../ui";

const FIELDS = ["name", "email", "role", "branchId", "password"] as const;
type Field = (typeof FIELDS)[number];
type Role = (typeof ROLES)[number];

const SELECT = "h-11 rounded-lg border bg-white px-3 text-base text-ink";

/** A new staff account, checked with the same schema as the API (a cashier needs a home branch). */
export function NewAccount(props: {
  branches: readonly { id: number; name: string }[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations("admin.users");
  const roles = useTranslations("roles");
  const [values, setValues] = useState({ name: "", email: "", role: "CASHIER" as Role, branchId: "", password: "" });
  const [invalid, setInvalid] = useState<ReadonlySet<Field>>(new Set());
  const create = trpc.users.create.useMutation({ onSuccess: props.onDone });
  const set = (field: keyof typeof values, value: string) => setValues((current) => ({ ...current, [field]: value }));

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const input = { ...values, branchId: values.branchId ? Number(values.branchId) : null };
    const parsed = ZUserCreate.safeParse(input);
    if (!parsed.success) {
      setInvalid(invalidFields(parsed.error, FIELDS));
      return;
    }
    setInvalid(new Set());
    create.mutate(parsed.data);
  }

  const error = (field: Field) => (invalid.has(field) ? t(`errors.${field}`, { min: MIN_PASSWORD_LENGTH }) : undefined);
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={t("newTitle")}
      className="grid gap-4 rounded-card border border-line bg-white p-5 sm:grid-cols-2"
    >
      <h2 className="text-lg font-semibold sm:col-span-2">{t("newTitle")}</h2>
      <Input
        label={t("name")}
        value={values.name}
        onChange={(e) => set("name", e.target.value)}
        error={error("name")}
        autoFocus
      />
      <Input
        label={t("email")}
        type="email"
        value={values.email}
        onChange={(e) => set("email", e.target.value)}
        error={error("email")}
      />
      <label className="flex flex-col gap-1.5 text-sm font-medium">
        {t("role")}
        <select className={`${SELECT} border-line`} value={values.role} onChange={(e) => set("role", e.target.value)}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {roles(role)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1.5 text-sm font-medium">
        {t("branch")}
        <select
          className={`${SELECT} ${invalid.has("branchId") ? "border-danger" : "border-line"}`}
          value={values.branchId}
          aria-invalid={invalid.has("branchId") || undefined}
          onChange={(e) => set("branchId", e.target.value)}
        >
          <option value="">{t("allBranches")}</option>
          {props.branches.map((branch) => (
            <option key={branch.id} value={branch.id}>
              {branch.name}
            </option>
          ))}
        </select>
        {invalid.has("branchId") && <span className="text-sm font-normal text-danger">{error("branchId")}</span>}
      </label>
      <Input
        label={t("password")}
        hint={t("passwordHint", { min: MIN_PASSWORD_LENGTH })}
        type="password"
        autoComplete="new-password"
        value={values.password}
        onChange={(e) => set("password", e.target.value)}
        error={error("password")}
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
