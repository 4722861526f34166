"use client";
// The cart lives in the browser (localStorage), shared by every tab: a shopper has no account, and a cart must
// survive a reload. Prices and stock are never stored here: the cart page asks the server each time.
import { useSyncExternalStore } from "react";
import { MAX_LINE_QUANTITY } from "@pos/validators/limits";

export interface CartItem {
  variantId: number;
  quantity: number;
}

const KEY = "store-cart-v1";
const EMPTY: CartItem[] = [];
const listeners = new Set<() => void>();
let cached: { raw: string | null; items: CartItem[] } = { raw: null, items: EMPTY };

function parse(raw: string | null): CartItem[] {
  if (!raw) return EMPTY;
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return EMPTY;
    return value.flatMap((item: unknown) => {
      const { variantId, quantity } = (item ?? {}) as Partial<CartItem>;
      return Number.isInteger(variantId) && Number.isInteger(quantity) && Number(quantity) > 0
        ? [{ variantId: Number(variantId), quantity: Math.min(Number(quantity), MAX_LINE_QUANTITY) }]
        : [];
    });
  } catch {
    return EMPTY;
  }
}

function read(): CartItem[] {
  const raw = window.localStorage.getItem(KEY);
  if (raw !== cached.raw) cached = { raw, items: parse(raw) };
  return cached.items;
}

function write(items: CartItem[]): void {
  window.localStorage.setItem(KEY, JSON.stringify(items));
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab changed the cart.
  const onStorage = (event: StorageEvent) => event.key === KEY && listener();
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

export function useCart(): CartItem[] {
  return useSyncExternalStore(subscribe, read, () => EMPTY);
}

export const cart = {
  add(variantId: number, quantity = 1): void {
    const items = read();
    const found = items.find((item) => item.variantId === variantId);
    const next = found
      ? items.map((item) =>
          item === found ? { ...item, quantity: Math.min(item.quantity + quantity, MAX_LINE_QUANTITY) } : item,
        )
      : [...items, { variantId, quantity }];
    write(next);
  },
  set(variantId: number, quantity: number): void {
    write(
      quantity <= 0
        ? read().filter((item) => item.variantId !== variantId)
        : read().map((item) => (item.variantId === variantId ? { ...item, quantity } : item)),
    );
  },
  clear(): void {
    write([]);
  },
};
