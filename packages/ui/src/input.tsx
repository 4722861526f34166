import { useId, type InputHTMLAttributes, type Ref } from "react";
import { cx } from "./cx.ts";

export interface InputProps extends InputHTMLAttributes<HTMLInputElement> {
  /** Visible label; every field has one so screen readers and tests can find it by name. */
  label: string;
  hint?: string;
  error?: string;
  ref?: Ref<HTMLInputElement>;
}

export function Input({ label, hint, error, id, className, ...props }: InputProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const describedBy = error ? `${inputId}-error` : hint ? `${inputId}-hint` : undefined;
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={inputId} className="text-sm font-medium text-ink">
        {label}
      </label>
      <input
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={cx(
          "h-11 rounded-lg border bg-white px-3 text-base text-ink shadow-xs outline-none transition",
          "placeholder:text-muted/70 focus:border-brand-500 focus:ring-3 focus:ring-brand-100",
          error ? "border-danger" : "border-line",
          className,
        )}
        {...props}
      />
      {error ? (
        <p id={`${inputId}-error`} className="text-sm text-danger">
          {error}
        </p>
      ) : hint ? (
        <p id={`${inputId}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
