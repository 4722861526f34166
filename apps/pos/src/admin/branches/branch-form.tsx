"use client";

import type { SyntheticEvent } from "react";
import { useTranslations } from "next-intl";
import { Button, Input } from "@pos/ui";
import { ZBranchCreate, ZBranchUpdate } from "@pos/validators";
import { useFields } from "~/components/use-fields";
import { trpc } from "~/trpc/react";
import { SaveRow } from "../settings/parts";
import { CheckboxField } from "../ui";

const FIELDS = ["name", "code", "address", "phone"] as const;

export type BranchValues = { name: string; code: string; address: string; phone: string; sellsOnline: boolean };

export const NEW_BRANCH: BranchValues = { name: "", code: "", address: "", phone: "", sellsOnline: false };

/** A new branch, or an existing one's facts (`id`), checked with the API's schema before sending. */
export function BranchForm(props: { id?: number; initial: BranchValues; onDone: () => void; onCancel: () => void }) {
  const t = useTranslations("admin.branches");
  const form = useFields({ initial: props.initial, fields: FIELDS, message: (field) => t(`errors.${field}`) });
  const create = trpc.branches.create.useMutation({ onSuccess: props.onDone });
  const update = trpc.branches.update.useMutation({ onSuccess: props.onDone });
  const mutation = props.id === undefined ? create : update;

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const input = { ...form.values, phone: form.values.phone.trim() || null };
    if (props.id === undefined) {
      const data = form.parse(ZBranchCreate, input);
      if (data) create.mutate(data);
    } else {
      const data = form.parse(ZBranchUpdate, { id: props.id, ...input });
      if (data) update.mutate(data);
    }
  }
  const title = props.id === undefined ? t("newTitle") : t("editTitle", { name: props.initial.name });

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={title}
      className="grid gap-4 rounded-card border border-line bg-white p-5 sm:grid-cols-2"
    >
      <h2 className="text-lg font-semibold sm:col-span-2">{title}</h2>
      <Input label={t("nameLabel")} {...form.bind("name")} autoFocus />
      <Input label={t("code")} hint={t("codeHint")} {...form.bind("code")} />
      <Input label={t("address")} {...form.bind("address")} />
      <Input label={t("phone")} type="tel" {...form.bind("phone")} />
      <CheckboxField
        className="sm:col-span-2"
        label={t("sellsOnlineLabel")}
        checked={form.values.sellsOnline}
        onChange={(checked) => form.set("sellsOnline", checked)}
      />
      <div className="sm:col-span-2">
        <SaveRow
          pending={mutation.isPending}
          saved={false}
          error={mutation.error?.message}
          label={props.id === undefined ? t("create") : t("save")}
        >
          <Button variant="ghost" onClick={props.onCancel}>
            {t("cancel")}
          </Button>
        </SaveRow>
      </div>
    </form>
  );
}
