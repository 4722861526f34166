/** The shop's initial in a brand tile: a logo stand-in until the store has a real one. */
export function ShopMark({ name, size = "md" }: { name: string; size?: "sm" | "md" }) {
  const initial = name.trim().charAt(0).toUpperCase() || "P";
  const box = size === "sm" ? "size-9 text-base" : "size-12 text-xl";
  return (
    <span
      aria-hidden
      className={`${box} inline-flex shrink-0 items-center justify-center rounded-xl bg-brand-600 font-semibold text-white shadow-sm`}
    >
      {initial}
    </span>
  );
}
