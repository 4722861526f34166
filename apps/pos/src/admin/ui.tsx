"use client";
// The pieces every back-office page is made of, so the pages read as what they show rather than as markup.

import { useState, type ReactNode } from "react";
import { Button } from "@pos/ui";

/** A filter's label over its control, small and quiet above the results it changes. */
export const FILTER_LABEL = "flex flex-col text-xs text-muted";
export const FILTER_CONTROL = "h-9 rounded-lg border border-line bg-white px-2 text-sm text-ink";

/** The page's title and what it is for. */
export function Heading({ title, subtitle }: { title: string; subtitle: string }) {
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="text-sm text-muted">{subtitle}</p>
    </div>
  );
}

/** Something the server refused or could not do, said where the manager is looking. */
export function ErrorNote({ children }: { children: ReactNode }) {
  return (
    <p role="alert" className="rounded-lg bg-danger-soft px-4 py-2 text-sm text-danger">
      {children}
    </p>
  );
}

/** A calendar day in the shop's terms (never after today). */
export function DayField(props: { label: string; value: string; max: string; onChange: (day: string) => void }) {
  return (
    <label className={FILTER_LABEL}>
      {props.label}
      <input
        type="date"
        value={props.value}
        max={props.max}
        onChange={(event) => event.target.value && props.onChange(event.target.value)}
        className={FILTER_CONTROL}
      />
    </label>
  );
}

/** A form field's label over its control, at the size of the kit's inputs. */
export const FORM_LABEL = "flex flex-col gap-1.5 text-sm font-medium";
export const FORM_SELECT = "h-11 rounded-lg border border-line bg-white px-3 text-base text-ink";

/** The branches as a select's options. */
export function BranchOptions({ branches }: { branches: readonly { id: number; name: string }[] }) {
  return branches.map((branch) => (
    <option key={branch.id} value={branch.id}>
      {branch.name}
    </option>
  ));
}

/**
 * One branch, or all of them when `allLabel` is given and nothing is picked. A filter by default; `form` sizes it
 * like the inputs of a form.
 */
export function BranchField(props: {
  label: string;
  branches: readonly { id: number; name: string }[];
  value: number | undefined;
  onChange: (branchId: number | undefined) => void;
  allLabel?: string;
  form?: boolean;
}) {
  return (
    <label className={props.form ? FORM_LABEL : FILTER_LABEL}>
      {props.label}
      <select
        value={props.value ?? ""}
        onChange={(event) => props.onChange(event.target.value ? Number(event.target.value) : undefined)}
        className={props.form ? FORM_SELECT : FILTER_CONTROL}
      >
        {props.allLabel !== undefined && <option value="">{props.allLabel}</option>}
        <BranchOptions branches={props.branches} />
      </select>
    </label>
  );
}

/** The next page of an infinite query, under the rows it adds to. */
export function LoadMore(props: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> };
  label: string;
}) {
  if (!props.query.hasNextPage) return null;
  return (
    <div className="border-t border-line p-3 text-center">
      <Button
        variant="secondary"
        disabled={props.query.isFetchingNextPage}
        onClick={() => void props.query.fetchNextPage()}
      >
        {props.label}
      </Button>
    </div>
  );
}

export interface HeadCell {
  label: ReactNode;
  /** Figures are right-aligned. */
  numeric?: boolean;
}

/** A table's column titles: the first and last cells keep the card's side padding. */
export function TableHead({ cells }: { cells: readonly HeadCell[] }) {
  return (
    <thead className="border-b border-line bg-surface text-xs uppercase tracking-wide text-muted">
      <tr>
        {cells.map((cell, index) => (
          <th
            key={index}
            scope="col"
            className={`py-2 font-medium ${index === 0 || index === cells.length - 1 ? "px-5" : "px-3"} ${
              cell.numeric ? "text-right" : "text-left"
            }`}
          >
            {cell.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** A yes/no setting with its label beside the box. */
export function CheckboxField(props: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  className?: string;
}) {
  return (
    <label className={`flex items-center gap-2 text-sm ${props.className ?? ""}`}>
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(event) => props.onChange(event.target.checked)}
        className="size-4"
      />
      {props.label}
    </label>
  );
}

/**
 * A row's switch between active and inactive (a user, a branch): one button saying what it will do, named with the
 * record so a screen reader knows which row it acts on.
 */
export function ActiveToggle(props: {
  active: boolean;
  pending: boolean;
  /** What the button says and its accessible name while the record is active (turning it off)… */
  off: { text: string; label: string };
  /** …and while it is inactive (turning it on). */
  on: { text: string; label: string };
  onToggle: () => void;
}) {
  const words = props.active ? props.off : props.on;
  return (
    <Button size="sm" variant="ghost" aria-label={words.label} disabled={props.pending} onClick={props.onToggle}>
      {words.text}
    </Button>
  );
}

/**
 * A dashed area files can be dropped on, highlighted while one is over it. `as="label"` makes the whole area open
 * the file input placed inside it; the picker and the texts are the caller's.
 */
export function DropZone(props: {
  onFiles: (files: File[]) => void;
  as?: "div" | "label";
  className: string;
  children: ReactNode;
}) {
  const [over, setOver] = useState(false);
  const Tag = props.as ?? "div";
  return (
    <Tag
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        props.onFiles([...event.dataTransfer.files]);
      }}
      className={`flex flex-col items-center border-2 border-dashed px-4 text-center ${props.className} ${
        over ? "border-brand-500 bg-brand-50" : "border-line"
      }`}
    >
      {props.children}
    </Tag>
  );
}
