"use client";

/** Re-sorts as soon as a new order is picked (the form still works with a button when scripts are off). */
export function SortSelect({
  id,
  defaultValue,
  options,
}: {
  id: string;
  defaultValue: string;
  options: { value: string; label: string }[];
}) {
  return (
    <select
      id={id}
      name="orden"
      defaultValue={defaultValue}
      onChange={(event) => event.currentTarget.form?.requestSubmit()}
      className="h-10 rounded-lg border border-line bg-white px-2 text-sm"
    >
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
