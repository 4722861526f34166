"use client";

import { useState, type SyntheticEvent } from "react";
import { useTranslations } from "next-intl";
import { Button, Input } from "@pos/ui";
import { ZBranchCreate, ZBranchUpdate } from "@pos/validators";
import { invalidFields } from "~/components/invalid-fields";
import { trpc } from "~/trpc/react";
import { CheckboxField, ErrorNote } from "../ui";

const FIELDS = ["name", "code", "address", "phone"] as const;
type Field = (typeof FIELDS)[number];

export interface BranchValues {
  name: string;
  code: string;
  address: string;
  phone: string;
  sellsOnline: boolean;
}

export const NEW_BRANCH: BranchValues = { name: "", code: "", address: "", phone: "", sellsOnline: false };

/** A new branch, or an existing one's facts (`id`), checked with the API's schema before sending. */
export function BranchForm(props: { id?: number; initial: BranchValues; onDone: () => void; onCancel: () => void }) {
  const t = useTranslations("admin.branches");
  const [values, setValues] = useState(props.initial);
  const [invalid, setInvalid] = useState<ReadonlySet<Field>>(new Set());
  const create = trpc.branches.create.useMutation({ onSuccess: props.onDone });
  const update = trpc.branches.update.useMutation({ onSuccess: props.onDone });
  const mutation = props.id === undefined ? create : update;
  const set = (field: keyof BranchValues, value: string | boolean) =>
    setValues((current) => ({ ...current, [field]: value }));

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const input = { ...values, phone: values.phone.trim() || null };
    const parsed =
      props.id === undefined ? ZBranchCreate.safeParse(input) : ZBranchUpdate.safeParse({ id: props.id, ...input });
    if (!parsed.success) return setInvalid(invalidFields(parsed.error, FIELDS));
    setInvalid(new Set());
    if ("id" in parsed.data) update.mutate(parsed.data);
    else create.mutate(parsed.data);
  }
  const error = (field: Field) => (invalid.has(field) ? t(`errors.${field}`) : undefined);
  const title = props.id === undefined ? t("newTitle") : t("editTitle", { name: props.initial.name });

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={title}
      className="grid gap-4 rounded-card border border-line bg-white p-5 sm:grid-cols-2"
    >
      <h2 className="text-lg font-semibold sm:col-span-2">{title}</h2>
      <Input
        label={t("name")}
        value={values.name}
        onChange={(e) => set("name", e.target.value)}
        error={error("name")}
        autoFocus
      />
      <Input
        label={t("code")}
        hint={t("codeHint")}
        value={values.code}
        onChange={(e) => set("code", e.target.value)}
        error={error("code")}
      />
      <Input
        label={t("address")}
        value={values.address}
        onChange={(e) => set("address", e.target.value)}
        error={error("address")}
      />
      <Input
        label={t("phone")}
        type="tel"
        value={values.phone}
        onChange={(e) => set("phone", e.target.value)}
        error={error("phone")}
      />
      <CheckboxField
        className="sm:col-span-2"
        label={t("sellsOnlineLabel")}
        checked={values.sellsOnline}
        onChange={(checked) => set("sellsOnline", checked)}
      />
      {mutation.error && (
        <div className="sm:col-span-2">
          <ErrorNote>{mutation.error.message}</ErrorNote>
        </div>
      )}
      <div className="flex justify-end gap-2 sm:col-span-2">
        <Button variant="ghost" onClick={props.onCancel}>
          {t("cancel")}
        </Button>
        <Button type="submit" disabled={mutation.isPending}>
          {props.id === undefined ? t("create") : t("save")}
        </Button>
      </div>
    </form>
  );
}
