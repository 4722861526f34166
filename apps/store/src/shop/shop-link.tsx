// The one place the storefront imports next/link (lint points everything else here).
// eslint-disable-next-line no-restricted-imports
import Link from "next/link";
import type { ComponentProps } from "react";

/**
 * next/link without prefetching. Every store page is rendered per request (the shopper's language, live stock), so a
 * prefetch of a link scrolled into view brings only the route's frame, never its page, yet a home page fires a dozen of
 * them on a phone's data and main thread just as the shopper starts to scroll (Lighthouse: blocking time 310 → 160 ms
 * on mobile). Navigation stays client-side; it simply starts on the tap.
 */
export function ShopLink(props: Omit<ComponentProps<typeof Link>, "prefetch">) {
  return <Link {...props} prefetch={false} />;
}
