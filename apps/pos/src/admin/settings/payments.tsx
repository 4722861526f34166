"use client";

import { useState, type SyntheticEvent } from "react";
import { useTranslations } from "next-intl";
import type { RouterOutputs } from "@pos/api";
import { Badge, Button, Input } from "@pos/ui";
import { PAYMENT_TYPES, ZInstallmentPlanAdd, ZPaymentMethodCreate, ZPaymentMethodUpdate } from "@pos/validators";
import { invalidFields } from "~/components/invalid-fields";
import { trpc } from "~/trpc/react";
import { CheckboxField, ErrorNote } from "../ui";
import { SaveRow, Section, SelectField } from "./parts";

type Method = RouterOutputs["settings"]["payments"]["list"][number];

/** The methods the register and the storefront offer, each with its discount or surcharge and card plans. */
export function PaymentSettings() {
  const t = useTranslations("admin.settings.payments");
  const methods = trpc.settings.payments.list.useQuery();
  const [adding, setAdding] = useState(false);
  return (
    <div className="grid gap-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="max-w-2xl text-sm text-muted">{t("intro")}</p>
        {!adding && <Button onClick={() => setAdding(true)}>{t("add")}</Button>}
      </div>
      {adding && <NewMethod onDone={() => setAdding(false)} />}
      {methods.error && <ErrorNote>{methods.error.message}</ErrorNote>}
      {methods.isPending ? (
        <p className="text-sm text-muted" aria-busy="true">
          {t("loading")}
        </p>
      ) : methods.data?.length === 0 ? (
        <p className="rounded-card border border-dashed border-line p-6 text-center text-sm text-muted">{t("empty")}</p>
      ) : (
        methods.data?.map((method) => <MethodCard key={method.id} method={method} />)
      )}
    </div>
  );
}

function useRefresh() {
  const utils = trpc.useUtils();
  return () => {
    void utils.settings.payments.list.invalidate();
    // The register in this browser reads its methods once: make it read them again.
    void utils.register.setup.invalidate();
  };
}

const METHOD_FIELDS = ["name", "adjustmentPercent", "sortOrder"] as const;
type MethodField = (typeof METHOD_FIELDS)[number];

function MethodCard({ method }: { method: Method }) {
  const t = useTranslations("admin.settings.payments");
  const types = useTranslations("admin.settings.paymentTypes");
  const refresh = useRefresh();
  const [values, setValues] = useState({
    name: method.name,
    adjustmentPercent: method.adjustmentPercent,
    sortOrder: String(method.sortOrder),
    active: method.active,
  });
  const [invalid, setInvalid] = useState<ReadonlySet<MethodField>>(new Set());
  const update = trpc.settings.payments.update.useMutation({ onSuccess: refresh });

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const parsed = ZPaymentMethodUpdate.safeParse({ id: method.id, ...values, sortOrder: Number(values.sortOrder) });
    if (!parsed.success) return setInvalid(invalidFields(parsed.error, METHOD_FIELDS));
    setInvalid(new Set());
    update.mutate(parsed.data);
  }
  const set = (field: keyof typeof values, value: string | boolean) => {
    update.reset();
    setValues((current) => ({ ...current, [field]: value }));
  };
  const error = (field: MethodField) => (invalid.has(field) ? t(`errors.${field}`) : undefined);

  return (
    <Section
      title={method.name}
      description={t("codeLine", { code: method.code, type: types(method.type) })}
      aside={<Badge tone={method.active ? "ok" : "neutral"}>{method.active ? t("active") : t("inactive")}</Badge>}
    >
      <form onSubmit={submit} noValidate aria-label={t("editLabel", { name: method.name })} className="grid gap-4">
        <div className="grid gap-4 sm:grid-cols-3">
          <Input
            label={t("name")}
            value={values.name}
            onChange={(e) => set("name", e.target.value)}
            error={error("name")}
          />
          <Input
            label={t("adjustment")}
            hint={t("adjustmentHint")}
            inputMode="decimal"
            value={values.adjustmentPercent}
            onChange={(e) => set("adjustmentPercent", e.target.value)}
            error={error("adjustmentPercent")}
          />
          <Input
            label={t("sortOrder")}
            inputMode="numeric"
            value={values.sortOrder}
            onChange={(e) => set("sortOrder", e.target.value)}
            error={error("sortOrder")}
          />
        </div>
        <SaveRow pending={update.isPending} saved={update.isSuccess} error={update.error?.message}>
          <CheckboxField label={t("activeLabel")} checked={values.active} onChange={(c) => set("active", c)} />
        </SaveRow>
      </form>
      {method.type === "CREDIT" && <Plans method={method} />}
    </Section>
  );
}

function Plans({ method }: { method: Method }) {
  const t = useTranslations("admin.settings.payments");
  const refresh = useRefresh();
  const change = trpc.settings.payments.updatePlan.useMutation({ onSuccess: refresh });
  const remove = trpc.settings.payments.removePlan.useMutation({ onSuccess: refresh });
  const error = change.error ?? remove.error;
  return (
    <div className="grid gap-3 border-t border-line pt-4">
      <h3 className="text-sm font-semibold">{t("plansTitle")}</h3>
      {method.installmentPlans.length === 0 ? (
        <p className="text-sm text-muted">{t("noPlans")}</p>
      ) : (
        <ul className="grid gap-2" aria-label={t("plansOf", { name: method.name })}>
          {method.installmentPlans.map((plan) => (
            <li
              key={plan.id}
              className="flex flex-wrap items-center justify-between gap-3 rounded-lg bg-surface px-4 py-2 text-sm"
              data-testid="installment-plan"
            >
              <span className={plan.active ? "" : "text-muted line-through"}>
                {t("planLine", { installments: plan.installments, surcharge: plan.surchargePercent })}
              </span>
              <span className="flex gap-2">
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => change.mutate({ id: plan.id, active: !plan.active })}
                  disabled={change.isPending}
                >
                  {plan.active ? t("pausePlan") : t("resumePlan")}
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={t("removePlan", { installments: plan.installments })}
                  onClick={() => remove.mutate({ id: plan.id })}
                  disabled={remove.isPending}
                >
                  {t("remove")}
                </Button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {error && <ErrorNote>{error.message}</ErrorNote>}
      <NewPlan methodId={method.id} onDone={refresh} />
    </div>
  );
}

const PLAN_FIELDS = ["installments", "surchargePercent"] as const;

function NewPlan({ methodId, onDone }: { methodId: number; onDone: () => void }) {
  const t = useTranslations("admin.settings.payments");
  const [values, setValues] = useState({ installments: "", surchargePercent: "" });
  const [invalid, setInvalid] = useState<ReadonlySet<(typeof PLAN_FIELDS)[number]>>(new Set());
  const add = trpc.settings.payments.addPlan.useMutation({
    onSuccess: () => {
      setValues({ installments: "", surchargePercent: "" });
      onDone();
    },
  });
  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const parsed = ZInstallmentPlanAdd.safeParse({ methodId, ...values, installments: Number(values.installments) });
    if (!parsed.success) return setInvalid(invalidFields(parsed.error, PLAN_FIELDS));
    setInvalid(new Set());
    add.mutate(parsed.data);
  }
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={t("newPlan")}
      className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start"
    >
      <Input
        label={t("installments")}
        inputMode="numeric"
        value={values.installments}
        onChange={(e) => setValues((v) => ({ ...v, installments: e.target.value }))}
        error={invalid.has("installments") ? t("errors.installments") : undefined}
      />
      <Input
        label={t("surcharge")}
        inputMode="decimal"
        value={values.surchargePercent}
        onChange={(e) => setValues((v) => ({ ...v, surchargePercent: e.target.value }))}
        error={invalid.has("surchargePercent") ? t("errors.surchargePercent") : undefined}
      />
      <Button type="submit" variant="secondary" className="sm:mt-7" disabled={add.isPending}>
        {t("addPlan")}
      </Button>
      {add.error && (
        <div className="sm:col-span-3">
          <ErrorNote>{add.error.message}</ErrorNote>
        </div>
      )}
    </form>
  );
}

const NEW_FIELDS = ["code", "name", "type", "adjustmentPercent"] as const;

function NewMethod({ onDone }: { onDone: () => void }) {
  const t = useTranslations("admin.settings.payments");
  const types = useTranslations("admin.settings.paymentTypes");
  const refresh = useRefresh();
  const [values, setValues] = useState({ code: "", name: "", type: "QR", adjustmentPercent: "0" });
  const [invalid, setInvalid] = useState<ReadonlySet<(typeof NEW_FIELDS)[number]>>(new Set());
  const create = trpc.settings.payments.create.useMutation({
    onSuccess: () => {
      refresh();
      onDone();
    },
  });
  const set = (field: keyof typeof values, value: string) => setValues((current) => ({ ...current, [field]: value }));
  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const parsed = ZPaymentMethodCreate.safeParse(values);
    if (!parsed.success) return setInvalid(invalidFields(parsed.error, NEW_FIELDS));
    setInvalid(new Set());
    create.mutate(parsed.data);
  }
  const error = (field: (typeof NEW_FIELDS)[number]) => (invalid.has(field) ? t(`errors.${field}`) : undefined);
  return (
    <Section title={t("newTitle")}>
      <form onSubmit={submit} noValidate aria-label={t("newTitle")} className="grid gap-4 sm:grid-cols-2">
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
        <SelectField
          label={t("type")}
          value={values.type}
          onChange={(value) => set("type", value)}
          options={PAYMENT_TYPES.map((type) => ({ value: type, label: types(type) }))}
        />
        <Input
          label={t("adjustment")}
          hint={t("adjustmentHint")}
          inputMode="decimal"
          value={values.adjustmentPercent}
          onChange={(e) => set("adjustmentPercent", e.target.value)}
          error={error("adjustmentPercent")}
        />
        <div className="sm:col-span-2">
          <SaveRow pending={create.isPending} saved={false} error={create.error?.message} label={t("create")}>
            <Button variant="ghost" onClick={onDone}>
              {t("cancel")}
            </Button>
          </SaveRow>
        </div>
      </form>
    </Section>
  );
}
