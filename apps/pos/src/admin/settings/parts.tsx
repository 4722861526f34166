"use client";
// The pieces the settings forms share: a titled card, labelled selects and text areas with their errors, a
// save row that says when it saved, and up/down buttons for ordered lists.

import { useId, type ReactNode, type TextareaHTMLAttributes } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@pos/ui";
import { ErrorNote } from "../ui";

export const CONTROL =
  "h-11 rounded-lg border bg-white px-3 text-base text-ink shadow-xs outline-none focus:border-brand-500 focus:ring-3 focus:ring-brand-100";

/** One group of settings under its title, with an optional line saying what it is for. */
export function Section(props: { title: string; description?: string; children: ReactNode; aside?: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="rounded-card border border-line bg-white">
      <div className="flex flex-wrap items-start justify-between gap-3 border-b border-line px-5 py-3">
        <div>
          <h2 id={id} className="text-base font-semibold">
            {props.title}
          </h2>
          {props.description && <p className="text-sm text-muted">{props.description}</p>}
        </div>
        {props.aside}
      </div>
      <div className="grid gap-4 p-5">{props.children}</div>
    </section>
  );
}

/** A labelled select; `error` marks it invalid and says why under it. */
export function SelectField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string; disabled?: boolean }[];
  error?: string | undefined;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium">
        {props.label}
      </label>
      <select
        id={id}
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error || props.hint ? `${id}-note` : undefined}
        onChange={(event) => props.onChange(event.target.value)}
        className={`${CONTROL} ${props.error ? "border-danger" : "border-line"}`}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
      {(props.error ?? props.hint) && (
        <p id={`${id}-note`} className={`text-sm ${props.error ? "text-danger" : "text-muted"}`}>
          {props.error ?? props.hint}
        </p>
      )}
    </div>
  );
}

/** A labelled multi-line text with its error or hint. */
export function TextAreaField({
  label,
  error,
  hint,
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; error?: string | undefined; hint?: string }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || hint ? `${id}-note` : undefined}
        className={`min-h-24 rounded-lg border bg-white px-3 py-2 text-base text-ink shadow-xs outline-none focus:border-brand-500 focus:ring-3 focus:ring-brand-100 ${
          error ? "border-danger" : "border-line"
        }`}
        {...props}
      />
      {(error ?? hint) && (
        <p id={`${id}-note`} className={`text-sm ${error ? "text-danger" : "text-muted"}`}>
          {error ?? hint}
        </p>
      )}
    </div>
  );
}

/** The end of a form: what the server said (refusal or "saved") and the button. */
export function SaveRow(props: {
  pending: boolean;
  saved: boolean;
  error: string | undefined;
  label?: string;
  children?: ReactNode;
}) {
  const t = useTranslations("admin.settings");
  return (
    <div className="grid gap-3">
      {props.error && <ErrorNote>{props.error}</ErrorNote>}
      <div className="flex flex-wrap items-center justify-end gap-3">
        <p role="status" className="text-sm text-ok-ink">
          {props.saved && !props.pending ? t("saved") : ""}
        </p>
        {props.children}
        <Button type="submit" disabled={props.pending}>
          {props.pending ? t("saving") : (props.label ?? t("save"))}
        </Button>
      </div>
    </div>
  );
}

/** Moves a row of an ordered list one place up or down. */
export function MoveButtons(props: { name: string; first: boolean; last: boolean; onMove: (by: -1 | 1) => void }) {
  const t = useTranslations("admin.settings");
  return (
    <div className="flex gap-1">
      <Button
        size="sm"
        variant="secondary"
        disabled={props.first}
        aria-label={t("moveUp", { name: props.name })}
        onClick={() => props.onMove(-1)}
      >
        ↑
      </Button>
      <Button
        size="sm"
        variant="secondary"
        disabled={props.last}
        aria-label={t("moveDown", { name: props.name })}
        onClick={() => props.onMove(1)}
      >
        ↓
      </Button>
    </div>
  );
}

/** The ids of a list with the one at `index` moved by one place. */
export function moved(ids: readonly number[], index: number, by: -1 | 1): number[] {
  const next = [...ids];
  const other = index + by;
  const a = next[index];
  const b = next[other];
  if (a === undefined || b === undefined) return next;
  next[index] = b;
  next[other] = a;
  return next;
}

/** Empty text means "not set" for the nullable settings. */
export const orNull = (value: string) => (value.trim() === "" ? null : value);
