"use client";

import { useState, type SyntheticEvent } from "react";
import { useTranslations } from "next-intl";
import type { RouterOutputs } from "@pos/api";
import { Badge, Button, Input } from "@pos/ui";
import { PAYMENT_TYPES, ZInstallmentPlanAdd, ZPaymentMethodCreate, ZPaymentMethodUpdate } from "@pos/validators";
import { useFields } from "~/components/use-fields";
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

function MethodCard({ method }: { method: Method }) {
  const t = useTranslations("admin.settings.payments");
  const types = useTranslations("admin.settings.paymentTypes");
  const refresh = useRefresh();
  const update = trpc.settings.payments.update.useMutation({ onSuccess: refresh });
  const form = useFields({
    initial: {
      name: method.name,
      adjustmentPercent: method.adjustmentPercent,
      sortOrder: String(method.sortOrder),
      active: method.active,
    },
    fields: METHOD_FIELDS,
    message: (field) => t(`errors.${field}`),
    onEdit: () => update.reset(),
  });

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const data = form.parse(ZPaymentMethodUpdate, {
      id: method.id,
      ...form.values,
      sortOrder: Number(form.values.sortOrder),
    });
    if (data) update.mutate(data);
  }

  return (
    <Section
      title={method.name}
      description={t("codeLine", { code: method.code, type: types(method.type) })}
      aside={<Badge tone={method.active ? "ok" : "neutral"}>{method.active ? t("active") : t("inactive")}</Badge>}
    >
      <form onSubmit={submit} noValidate aria-label={t("editLabel", { name: method.name })} className="grid gap-4">
        <div className="grid gap-4 sm:grid-cols-3">
          <Input label={t("name")} {...form.bind("name")} />
          <Input
            label={t("adjustment")}
            hint={t("adjustmentHint")}
            inputMode="decimal"
            {...form.bind("adjustmentPercent")}
          />
          <Input label={t("sortOrder")} inputMode="numeric" {...form.bind("sortOrder")} />
        </div>
        <SaveRow pending={update.isPending} saved={update.isSuccess} error={update.error?.message}>
          <CheckboxField
            label={t("activeLabel")}
            checked={form.values.active}
            onChange={(checked) => form.set("active", checked)}
          />
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
  const empty = { installments: "", surchargePercent: "" };
  const form = useFields({ initial: empty, fields: PLAN_FIELDS, message: (field) => t(`errors.${field}`) });
  const add = trpc.settings.payments.addPlan.useMutation({
    onSuccess: () => {
      form.setValues(empty);
      onDone();
    },
  });
  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const data = form.parse(ZInstallmentPlanAdd, {
      methodId,
      ...form.values,
      installments: Number(form.values.installments),
    });
    if (data) add.mutate(data);
  }
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={t("newPlan")}
      className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start"
    >
      <Input label={t("installments")} inputMode="numeric" {...form.bind("installments")} />
      <Input label={t("surcharge")} inputMode="decimal" {...form.bind("surchargePercent")} />
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
  const form = useFields({
    initial: { code: "", name: "", type: "QR", adjustmentPercent: "0" },
    fields: NEW_FIELDS,
    message: (field) => t(`errors.${field}`),
  });
  const create = trpc.settings.payments.create.useMutation({
    onSuccess: () => {
      refresh();
      onDone();
    },
  });
  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const data = form.parse(ZPaymentMethodCreate, form.values);
    if (data) create.mutate(data);
  }
  return (
    <Section title={t("newTitle")}>
      <form onSubmit={submit} noValidate aria-label={t("newTitle")} className="grid gap-4 sm:grid-cols-2">
        <Input label={t("name")} {...form.bind("name")} autoFocus />
        <Input label={t("code")} hint={t("codeHint")} {...form.bind("code")} />
        <SelectField
          label={t("type")}
          value={form.values.type}
          onChange={(value) => form.set("type", value)}
          options={PAYMENT_TYPES.map((type) => ({ value: type, label: types(type) }))}
        />
        <Input
          label={t("adjustment")}
          hint={t("adjustmentHint")}
          inputMode="decimal"
          {...form.bind("adjustmentPercent")}
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
