import { useState, type ChangeEvent } from "react";
import type { z } from "zod";
import { invalidFields } from "./invalid-fields";

/**
 * A form's values and which of its fields the shared schema refused. `bind` gives an `<Input>` its value, change
 * handler and (translated) error; `parse` checks the form's input with the API's schema, marking the fields it
 * names, and gives the parsed data or null. `onEdit` runs on every change (e.g. to clear a "saved" note).
 */
export function useFields<V extends Record<string, string | boolean>, F extends string>(options: {
  initial: V | (() => V);
  fields: readonly F[];
  message: (field: F) => string;
  onEdit?: () => void;
}) {
  const [values, setValues] = useState<V>(options.initial);
  const [invalid, setInvalid] = useState<ReadonlySet<F>>(new Set());

  function set<K extends keyof V>(key: K, value: V[K]) {
    options.onEdit?.();
    setValues((current) => ({ ...current, [key]: value }));
  }

  const errorOf = (field: F) => (invalid.has(field) ? options.message(field) : undefined);

  /** For a text field whose name is also a schema field. */
  const bind = (key: keyof V & F) => ({
    value: String(values[key]),
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      set(key, event.target.value as V[typeof key]),
    error: errorOf(key),
  });

  function parse<T>(schema: z.ZodType<T>, input: unknown): T | null {
    const parsed = schema.safeParse(input);
    setInvalid(parsed.success ? new Set() : invalidFields(parsed.error, options.fields));
    return parsed.success ? parsed.data : null;
  }

  return { values, setValues, set, bind, parse, errorOf, invalid };
}
