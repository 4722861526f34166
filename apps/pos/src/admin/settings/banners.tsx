"use client";

import { useState, type SyntheticEvent } from "react";
import { useTranslations } from "next-intl";
import type { RouterOutputs } from "@pos/api";
import { Badge, Button, Input } from "@pos/ui";
import { ZBannerCreate, ZBannerUpdate } from "@pos/validators";
import { useFields } from "~/components/use-fields";
import { trpc } from "~/trpc/react";
import { CheckboxField, ErrorNote } from "../ui";
import { ImageUpload } from "./image-upload";
import { MoveButtons, moved, orNull, SaveRow, Section } from "./parts";

type Banner = RouterOutputs["settings"]["banners"]["list"][number];
const FIELDS = ["title", "subtitle", "imageUrl", "linkUrl"] as const;

const EMPTY = { title: "", subtitle: "", imageUrl: "", linkUrl: "", active: true };
type Values = typeof EMPTY;

const valuesOf = (banner: Banner): Values => ({
  title: banner.title,
  subtitle: banner.subtitle ?? "",
  imageUrl: banner.imageUrl,
  linkUrl: banner.linkUrl ?? "",
  active: banner.active,
});

const inputOf = (values: Values) => ({ ...values, subtitle: orNull(values.subtitle), linkUrl: orNull(values.linkUrl) });

/** The storefront home's carousel: each banner's picture, words and link, in the order they turn. */
export function Banners() {
  const t = useTranslations("admin.settings.banners");
  const utils = trpc.useUtils();
  const banners = trpc.settings.banners.list.useQuery();
  const refresh = () => void utils.settings.banners.list.invalidate();
  const reorder = trpc.settings.banners.reorder.useMutation({ onSuccess: refresh });
  const remove = trpc.settings.banners.delete.useMutation({ onSuccess: refresh });
  const [adding, setAdding] = useState(false);
  const ids = (banners.data ?? []).map((banner) => banner.id);
  const error = banners.error ?? reorder.error ?? remove.error;

  return (
    <div className="grid gap-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="max-w-2xl text-sm text-muted">{t("intro")}</p>
        {!adding && <Button onClick={() => setAdding(true)}>{t("add")}</Button>}
      </div>
      {adding && (
        <Section title={t("newTitle")}>
          <BannerForm
            initial={EMPTY}
            label={t("newTitle")}
            submitLabel={t("create")}
            onCancel={() => setAdding(false)}
            onSaved={() => {
              setAdding(false);
              refresh();
            }}
          />
        </Section>
      )}
      {error && <ErrorNote>{error.message}</ErrorNote>}
      {banners.isPending ? (
        <p className="text-sm text-muted" aria-busy="true">
          {t("loading")}
        </p>
      ) : ids.length === 0 ? (
        <p className="rounded-card border border-dashed border-line p-6 text-center text-sm text-muted">{t("empty")}</p>
      ) : (
        banners.data?.map((banner, index) => (
          <Section
            key={banner.id}
            title={t("position", { n: index + 1, title: banner.title })}
            aside={
              <div className="flex items-center gap-2">
                <Badge tone={banner.active ? "ok" : "neutral"}>{banner.active ? t("shown") : t("hidden")}</Badge>
                <MoveButtons
                  name={banner.title}
                  first={index === 0}
                  last={index === ids.length - 1}
                  onMove={(by) => reorder.mutate({ ids: moved(ids, index, by) })}
                />
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={t("removeLabel", { title: banner.title })}
                  onClick={() => remove.mutate({ id: banner.id })}
                >
                  {t("remove")}
                </Button>
              </div>
            }
          >
            <BannerForm
              id={banner.id}
              initial={valuesOf(banner)}
              label={t("editLabel", { title: banner.title })}
              submitLabel={t("save")}
              onSaved={refresh}
            />
          </Section>
        ))
      )}
    </div>
  );
}

function BannerForm(props: {
  id?: number;
  initial: Values;
  label: string;
  submitLabel: string;
  onSaved: () => void;
  onCancel?: () => void;
}) {
  const t = useTranslations("admin.settings.banners");
  const create = trpc.settings.banners.create.useMutation({ onSuccess: props.onSaved });
  const update = trpc.settings.banners.update.useMutation({ onSuccess: props.onSaved });
  const mutation = props.id === undefined ? create : update;
  const form = useFields({
    initial: props.initial,
    fields: FIELDS,
    message: (field) => t(`errors.${field}`),
    onEdit: () => update.reset(),
  });
  const { values, set } = form;

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const input = inputOf(values);
    if (props.id === undefined) {
      const data = form.parse(ZBannerCreate, input);
      if (data) create.mutate(data);
    } else {
      const data = form.parse(ZBannerUpdate, { id: props.id, ...input });
      if (data) update.mutate(data);
    }
  }
  const showable = /^(https:\/\/|\/uploads\/)/.test(values.imageUrl.trim());

  return (
    <form onSubmit={submit} noValidate aria-label={props.label} className="grid gap-4 md:grid-cols-[14rem_1fr]">
      <div className="grid content-start gap-2 md:row-span-2">
        <div className="flex aspect-[16/9] items-center justify-center overflow-hidden rounded-lg border border-line bg-surface text-center text-xs text-muted">
          {showable ? (
            <img src={values.imageUrl.trim()} alt={values.title} className="size-full object-cover" />
          ) : (
            t("noImage")
          )}
        </div>
        <ImageUpload label={t("uploadImage")} onUploaded={(url) => set("imageUrl", url)} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Input label={t("title")} {...form.bind("title")} />
        <Input label={t("subtitle")} {...form.bind("subtitle")} />
        <Input label={t("imageUrl")} hint={t("imageHint")} {...form.bind("imageUrl")} />
        <Input label={t("linkUrl")} hint={t("linkHint")} {...form.bind("linkUrl")} />
      </div>
      <div className="md:col-start-2">
        <SaveRow
          pending={mutation.isPending}
          saved={props.id !== undefined && update.isSuccess}
          error={mutation.error?.message}
          label={props.submitLabel}
        >
          <CheckboxField label={t("activeLabel")} checked={values.active} onChange={(c) => set("active", c)} />
          {props.onCancel && (
            <Button variant="ghost" onClick={props.onCancel}>
              {t("cancel")}
            </Button>
          )}
        </SaveRow>
      </div>
    </form>
  );
}
