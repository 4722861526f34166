"use client";

import type { Catalog, CatalogItem } from "./catalog";
import { Dialog } from "./dialog";

/** A product's sizes with this branch's stock; sizes with nothing on hand are shown but cannot be picked. */
export function SizePicker(props: {
  sizes: readonly CatalogItem[];
  catalog: Catalog;
  onPick: (item: CatalogItem) => void;
  onClose: () => void;
}) {
  const first = props.sizes[0];
  if (!first) return null;
  return (
    <Dialog title={`Elegí el talle · ${first.name}`} onClose={props.onClose}>
      <div className="grid grid-cols-3 gap-3 sm:grid-cols-4">
        {props.sizes.map((item, index) => {
          const stock = props.catalog.stockOf(item.variantId);
          return (
            <button
              key={item.variantId}
              type="button"
              autoFocus={index === props.sizes.findIndex((size) => props.catalog.stockOf(size.variantId) > 0)}
              disabled={stock <= 0}
              onClick={() => props.onPick(item)}
              className="flex flex-col items-center gap-1 rounded-xl border border-line bg-white px-3 py-4 text-center transition hover:border-brand-500 hover:bg-brand-50 focus-visible:border-brand-500 disabled:cursor-not-allowed disabled:bg-surface disabled:text-muted"
              aria-label={`Talle ${item.sizeLabel ?? "único"}, ${stock > 0 ? `${stock} en stock` : "sin stock"}`}
            >
              <span className="text-2xl font-semibold">{item.sizeLabel ?? "Único"}</span>
              <span className={`text-xs ${stock > 0 ? "text-muted" : "text-danger"}`}>
                {stock > 0 ? `${stock} en stock` : "Sin stock"}
              </span>
            </button>
          );
        })}
      </div>
    </Dialog>
  );
}
