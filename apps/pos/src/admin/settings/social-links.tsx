"use client";

import { useState, type SyntheticEvent } from "react";
import { useTranslations } from "next-intl";
import type { RouterOutputs } from "@pos/api";
import { Button, Input } from "@pos/ui";
import { SOCIAL_PLATFORMS, ZSocialLinkCreate } from "@pos/validators";
import { trpc } from "~/trpc/react";
import { CheckboxField, ErrorNote } from "../ui";
import { MoveButtons, moved, Section, SelectField } from "./parts";

type Link = RouterOutputs["settings"]["social"]["list"][number];
type Platform = (typeof SOCIAL_PLATFORMS)[number];

const isPlatform = (value: string): value is Platform => (SOCIAL_PLATFORMS as readonly string[]).includes(value);

/** The storefront footer's links to the shop's social accounts, in the order shown. */
export function SocialLinks() {
  const t = useTranslations("admin.settings.social");
  const platforms = useTranslations("admin.settings.platforms");
  const utils = trpc.useUtils();
  const links = trpc.settings.social.list.useQuery();
  const refresh = () => void utils.settings.social.list.invalidate();
  const update = trpc.settings.social.update.useMutation({ onSuccess: refresh });
  const remove = trpc.settings.social.delete.useMutation({ onSuccess: refresh });
  const reorder = trpc.settings.social.reorder.useMutation({ onSuccess: refresh });
  const error = links.error ?? update.error ?? remove.error ?? reorder.error;
  const ids = (links.data ?? []).map((link) => link.id);

  return (
    <div className="grid gap-5">
      <Section title={t("title")} description={t("intro")}>
        {error && <ErrorNote>{error.message}</ErrorNote>}
        {links.isPending ? (
          <p className="text-sm text-muted" aria-busy="true">
            {t("loading")}
          </p>
        ) : ids.length === 0 ? (
          <p className="rounded-lg border border-dashed border-line p-6 text-center text-sm text-muted">{t("empty")}</p>
        ) : (
          <ul className="grid gap-2" aria-label={t("title")}>
            {links.data?.map((link, index) => (
              <LinkRow
                key={link.id}
                link={link}
                label={isPlatform(link.platform) ? platforms(link.platform) : link.platform}
                first={index === 0}
                last={index === ids.length - 1}
                onMove={(by) => reorder.mutate({ ids: moved(ids, index, by) })}
                onToggle={() => update.mutate({ id: link.id, active: !link.active })}
                onRemove={() => remove.mutate({ id: link.id })}
              />
            ))}
          </ul>
        )}
      </Section>
      <NewLink onDone={refresh} />
    </div>
  );
}

function LinkRow(props: {
  link: Link;
  label: string;
  first: boolean;
  last: boolean;
  onMove: (by: -1 | 1) => void;
  onToggle: () => void;
  onRemove: () => void;
}) {
  const t = useTranslations("admin.settings.social");
  return (
    <li className="flex flex-wrap items-center gap-3 rounded-lg bg-surface px-4 py-2 text-sm" data-testid="social-link">
      <MoveButtons name={props.label} first={props.first} last={props.last} onMove={props.onMove} />
      <span className="w-24 font-medium">{props.label}</span>
      <a
        href={props.link.url}
        className="min-w-0 flex-1 truncate text-brand-700 underline"
        target="_blank"
        rel="noreferrer"
      >
        {props.link.url}
      </a>
      <CheckboxField label={t("shown")} checked={props.link.active} onChange={props.onToggle} />
      <Button size="sm" variant="ghost" aria-label={t("removeLabel", { name: props.label })} onClick={props.onRemove}>
        {t("remove")}
      </Button>
    </li>
  );
}

function NewLink({ onDone }: { onDone: () => void }) {
  const t = useTranslations("admin.settings.social");
  const platforms = useTranslations("admin.settings.platforms");
  const [platform, setPlatform] = useState<string>("instagram");
  const [url, setUrl] = useState("");
  const [badUrl, setBadUrl] = useState(false);
  const create = trpc.settings.social.create.useMutation({
    onSuccess: () => {
      setUrl("");
      onDone();
    },
  });
  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const parsed = ZSocialLinkCreate.safeParse({ platform, url });
    setBadUrl(!parsed.success);
    if (parsed.success) create.mutate(parsed.data);
  }
  return (
    <Section title={t("addTitle")}>
      <form
        onSubmit={submit}
        noValidate
        aria-label={t("addTitle")}
        className="grid gap-4 sm:grid-cols-[12rem_1fr_auto] sm:items-start"
      >
        <SelectField
          label={t("platform")}
          value={platform}
          onChange={setPlatform}
          options={SOCIAL_PLATFORMS.map((value) => ({ value, label: platforms(value) }))}
        />
        <Input
          label={t("url")}
          placeholder="https://instagram.com/…"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          error={badUrl ? t("badUrl") : undefined}
        />
        <Button type="submit" className="sm:mt-7" disabled={create.isPending}>
          {t("add")}
        </Button>
        {create.error && (
          <div className="sm:col-span-3">
            <ErrorNote>{create.error.message}</ErrorNote>
          </div>
        )}
      </form>
    </Section>
  );
}
