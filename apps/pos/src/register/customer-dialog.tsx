"use client";

import { useDeferredValue, useState, type KeyboardEvent, type SyntheticEvent } from "react";
import { useTranslations } from "next-intl";
import { Button, Input } from "@pos/ui";
import { ZCustomerCreate } from "@pos/validators";
import { trpc } from "~/trpc/react";
import { Dialog } from "./dialog";
import { invalidFields } from "~/components/invalid-fields";

export interface SaleCustomer {
  id: number;
  name: string;
}

/** Below this a search matches half the customer list. */
const MIN_QUERY = 2;
const FIELDS = ["name", "phone", "email", "taxId"] as const;
type Field = (typeof FIELDS)[number];

/**
 * Who the sale is for: found by name, phone, email or tax id, or added on the spot with what the customer says.
 * Optional: a sale without a customer is the usual case, so Esc leaves it as it was.
 */
export function CustomerDialog(props: {
  current: SaleCustomer | null;
  onPick: (customer: SaleCustomer | null) => void;
  onClose: () => void;
}) {
  const t = useTranslations("customer");
  const [mode, setMode] = useState<"search" | "create">("search");
  const [query, setQuery] = useState("");
  const [highlight, setHighlight] = useState(0);
  const typed = useDeferredValue(query.trim());
  const found = trpc.customers.search.useQuery(
    { q: typed, limit: 8 },
    { enabled: typed.length >= MIN_QUERY, retry: false, staleTime: 30_000 },
  );
  const hits = typed.length >= MIN_QUERY ? (found.data?.items ?? []) : [];

  function onKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setHighlight((current) => (hits.length === 0 ? 0 : (current + step + hits.length) % hits.length));
    } else if (event.key === "Enter") {
      event.preventDefault();
      const hit = hits[highlight];
      if (hit) props.onPick({ id: hit.id, name: hit.name });
    }
  }

  if (mode === "create") {
    return (
      <Dialog title={t("newTitle")} onClose={props.onClose}>
        <NewCustomer
          initialName={/\d/.test(query) ? "" : query}
          onCreated={props.onPick}
          onBack={() => setMode("search")}
        />
      </Dialog>
    );
  }

  return (
    <Dialog title={t("title")} onClose={props.onClose}>
      <div className="grid gap-4">
        <Input
          label={t("search")}
          hint={t("searchHint")}
          autoFocus
          autoComplete="off"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setHighlight(0);
          }}
          onKeyDown={onKey}
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls="customer-results"
          aria-activedescendant={hits[highlight] ? `customer-${hits[highlight].id}` : undefined}
        />
        {found.isError && (
          <p role="alert" className="rounded-lg bg-danger-soft px-4 py-2 text-sm text-danger">
            {t("offline")}
          </p>
        )}
        {hits.length > 0 && (
          <ul id="customer-results" role="listbox" aria-label={t("results")} className="grid gap-1">
            {hits.map((hit, index) => (
              <li
                key={hit.id}
                id={`customer-${hit.id}`}
                role="option"
                aria-selected={index === highlight}
                onMouseDown={(event) => {
                  event.preventDefault();
                  props.onPick({ id: hit.id, name: hit.name });
                }}
                className={`cursor-pointer rounded-lg px-3 py-2 ${index === highlight ? "bg-brand-50" : "hover:bg-surface"}`}
              >
                <p className="font-medium">{hit.name}</p>
                <p className="text-xs text-muted">
                  {[hit.phone, hit.email, hit.taxId].filter(Boolean).join(" · ") || t("noContact")}
                </p>
              </li>
            ))}
          </ul>
        )}
        {typed.length >= MIN_QUERY && found.isSuccess && hits.length === 0 && (
          <p className="text-sm text-muted">{t("none", { query: typed })}</p>
        )}
        <div className="flex flex-wrap justify-between gap-2 border-t border-line pt-4">
          <Button variant="secondary" onClick={() => setMode("create")}>
            {t("new")}
          </Button>
          {props.current && (
            <Button variant="ghost" onClick={() => props.onPick(null)}>
              {t("remove", { name: props.current.name })}
            </Button>
          )}
        </div>
      </div>
    </Dialog>
  );
}

/** The few details a cashier can ask for at the counter, checked with the same schema the server uses. */
function NewCustomer(props: { initialName: string; onCreated: (customer: SaleCustomer) => void; onBack: () => void }) {
  const t = useTranslations("customer");
  const [values, setValues] = useState<Record<Field, string>>({
    name: props.initialName,
    phone: "",
    email: "",
    taxId: "",
  });
  const [invalid, setInvalid] = useState<ReadonlySet<Field>>(new Set());
  const create = trpc.customers.create.useMutation({
    onSuccess: (customer) => props.onCreated({ id: customer.id, name: customer.name }),
  });

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const input = {
      name: values.name,
      phone: values.phone.trim() || null,
      email: values.email.trim() || null,
      taxId: values.taxId.trim() || null,
    };
    const parsed = ZCustomerCreate.safeParse(input);
    if (!parsed.success) {
      setInvalid(invalidFields(parsed.error, FIELDS));
      return;
    }
    setInvalid(new Set());
    create.mutate(input);
  }

  const field = (name: Field, type = "text") => (
    <Input
      label={t(`fields.${name}`)}
      name={name}
      type={type}
      autoFocus={name === "name"}
      value={values[name]}
      onChange={(event) => setValues((current) => ({ ...current, [name]: event.target.value }))}
      error={invalid.has(name) ? t(`errors.${name}`) : undefined}
    />
  );

  return (
    <form onSubmit={submit} className="grid gap-4" noValidate>
      {field("name")}
      <div className="grid gap-4 sm:grid-cols-2">
        {field("phone", "tel")}
        {field("email", "email")}
      </div>
      {field("taxId")}
      {create.error && (
        <p role="alert" className="rounded-lg bg-danger-soft px-4 py-2 text-sm text-danger">
          {create.error.message}
        </p>
      )}
      <div className="flex justify-between gap-2">
        <Button type="button" variant="ghost" onClick={props.onBack}>
          {t("back")}
        </Button>
        <Button type="submit" disabled={create.isPending}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
