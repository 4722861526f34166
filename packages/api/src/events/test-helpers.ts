// Helpers for the event tests: read a subscription with a deadline instead of sleeping, so a missing event
// fails fast with a readable message and a present one is seen as soon as it arrives.
import type { BusItem, Topic } from "./types.ts";

export async function nextItem<T extends Topic>(
  iterator: AsyncIterator<BusItem<T>>,
  timeoutMs = 5_000,
): Promise<BusItem<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No event within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const result = await Promise.race([iterator.next(), timeout]);
    if (result.done) throw new Error("The subscription ended");
    return result.value;
  } finally {
    clearTimeout(timer);
  }
}

export async function takeItems<T extends Topic>(
  iterator: AsyncIterator<BusItem<T>>,
  count: number,
  timeoutMs?: number,
): Promise<BusItem<T>[]> {
  const items: BusItem<T>[] = [];
  while (items.length < count) items.push(await nextItem(iterator, timeoutMs));
  return items;
}

/** The data of event items, failing on anything else, for compact assertions. */
export function dataOf<T extends Topic>(items: BusItem<T>[]): unknown[] {
  return items.map((item) => {
    if (item.type !== "event") throw new Error(`Expected an event, got a resync (${item.reason})`);
    return item.event.data;
  });
}
