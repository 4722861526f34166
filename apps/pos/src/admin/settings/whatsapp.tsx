"use client";

import { useEffect, useState, type SyntheticEvent } from "react";
import { useTranslations } from "next-intl";
import { keepPreviousData } from "@tanstack/react-query";
import type { RouterOutputs } from "@pos/api";
import { Input } from "@pos/ui";
import { unknownPlaceholders, WHATSAPP_PLACEHOLDERS, ZWhatsAppConfigUpdate } from "@pos/validators";
import { useFields } from "~/components/use-fields";
import { trpc } from "~/trpc/react";
import { CheckboxField } from "../ui";
import { SaveRow, Section, TextAreaField } from "./parts";

type Settings = RouterOutputs["settings"]["whatsapp"]["get"];
const FIELDS = ["phoneNumber", "messageTemplate"] as const;

/** Waits until typing pauses, so the preview asks once per pause rather than once per key. */
function useSettled<T>(value: T, ms = 200): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The shop's WhatsApp number and the message a shopper sends, with the message as the shopper will see it. */
export function WhatsAppSettings({ settings }: { settings: Settings }) {
  const t = useTranslations("admin.settings.whatsapp");
  const utils = trpc.useUtils();
  const update = trpc.settings.whatsapp.update.useMutation({
    onSuccess: (saved) => utils.settings.whatsapp.get.setData(undefined, saved),
  });
  const form = useFields({
    initial: { phoneNumber: settings.phoneNumber, messageTemplate: settings.messageTemplate, active: settings.active },
    fields: FIELDS,
    message: (field) => t(`errors.${field}`),
    onEdit: () => update.reset(),
  });
  const { values, set } = form;
  const template = useSettled(values.messageTemplate);
  // Rendered by the server with the function real orders use, so the preview cannot drift from them.
  const preview = trpc.settings.whatsapp.preview.useQuery(
    { messageTemplate: template },
    { placeholderData: keepPreviousData },
  );
  const unknown = unknownPlaceholders(values.messageTemplate);

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const data = form.parse(ZWhatsAppConfigUpdate, values);
    if (data) update.mutate(data);
  }
  const insert = (name: string) => set("messageTemplate", `${values.messageTemplate}{${name}}`);

  return (
    <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
      <Section title={t("title")} description={t("intro")}>
        <form onSubmit={submit} noValidate aria-label={t("title")} className="grid gap-4">
          <Input label={t("phoneNumber")} hint={t("phoneHint")} type="tel" {...form.bind("phoneNumber")} />
          <TextAreaField
            label={t("template")}
            rows={6}
            {...form.bind("messageTemplate")}
            error={
              unknown.length > 0
                ? t("errors.unknown", { names: unknown.map((name) => `{${name}}`).join(", ") })
                : form.errorOf("messageTemplate")
            }
            hint={t("templateHint")}
          />
          <div className="grid gap-2">
            <p className="text-sm font-medium">{t("placeholders")}</p>
            <ul className="flex flex-wrap gap-2">
              {WHATSAPP_PLACEHOLDERS.map((name) => (
                <li key={name}>
                  <button
                    type="button"
                    onClick={() => insert(name)}
                    className="rounded-full border border-line bg-surface px-3 py-1 text-sm hover:border-brand-500"
                    aria-label={t("insert", { name: `{${name}}`, what: t(`placeholder.${name}`) })}
                  >
                    <code>{`{${name}}`}</code> <span className="text-muted">{t(`placeholder.${name}`)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
          <SaveRow pending={update.isPending} saved={update.isSuccess} error={update.error?.message}>
            <CheckboxField label={t("active")} checked={values.active} onChange={(c) => set("active", c)} />
          </SaveRow>
        </form>
      </Section>
      <Section title={t("previewTitle")} description={t("previewHint")}>
        <div className="rounded-lg bg-[#efeae2] p-4" aria-live="polite" aria-busy={preview.isFetching}>
          <div
            className="ml-auto max-w-[85%] whitespace-pre-wrap break-words rounded-lg rounded-tr-none bg-[#d9fdd3] px-3 py-2 text-sm text-[#111b21] shadow-sm"
            data-testid="whatsapp-preview"
          >
            {preview.data?.message ?? (preview.error ? preview.error.message : t("previewLoading"))}
            <span className="mt-1 block text-right text-[11px] text-[#54656f]">12:34 ✓✓</span>
          </div>
        </div>
      </Section>
    </div>
  );
}
