// Everything the storefront's frame and home page show about the shop itself: name, contact, whether it takes
// orders, banners, social links, categories, and the ways to receive and pay for an order. Shoppers see it, so
// it names only the branches that sell online.
import type { Db } from "@pos/db";
import { listCategoryTree, type CategoryNode } from "../categories.ts";
import { DEFAULT_STORE_INFO } from "../store-info.ts";

export interface ShopCategory {
  id: number;
  name: string;
  slug: string;
  children: ShopCategory[];
}

export interface ShopBranch {
  id: number;
  name: string;
  address: string;
  phone: string | null;
}

export interface ShopFront {
  storeName: string;
  description: string;
  logoUrl: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  address: string | null;
  currency: string;
  locale: string;
  /** Taking orders: configured, switched on, and its fulfilling branch sells online. Closed shops still show. */
  open: boolean;
  /** Where online orders ship from and are picked up; null while none is set up. */
  fulfillingBranch: ShopBranch | null;
  /** Every active branch that sells online, for "available at …" hints. */
  branches: ShopBranch[];
  pickup: boolean;
  shipping: { enabled: boolean; fee: string; freeFrom: string | null };
  whatsApp: boolean;
  banners: { id: number; title: string; subtitle: string | null; imageUrl: string; linkUrl: string | null }[];
  social: { platform: string; url: string }[];
  categories: ShopCategory[];
  paymentMethods: { id: number; name: string; type: string; adjustmentPercent: string }[];
}

const branchSelect = { id: true, name: true, address: true, phone: true } as const;

/** The fulfilling branch takes online orders only while it is open and sells online (as checkout requires). */
const sellsOnlineNow = (branch: { active: boolean; sellsOnline: boolean }) => branch.active && branch.sellsOnline;

/** Active categories only; a switched-off category hides its whole branch of the tree. */
function activeTree(nodes: CategoryNode[]): ShopCategory[] {
  return nodes
    .filter((node) => node.active)
    .map(({ id, name, slug, children }) => ({ id, name, slug, children: activeTree(children) }));
}

export async function readShopFront(db: Db): Promise<ShopFront> {
  const [config, branches, banners, social, tree, methods, whatsApp] = await Promise.all([
    db.storeConfig.findUnique({
      where: { id: 1 },
      include: { fulfillmentBranch: { select: { ...branchSelect, active: true, sellsOnline: true } } },
    }),
    db.branch.findMany({ where: { active: true, sellsOnline: true }, select: branchSelect, orderBy: { id: "asc" } }),
    db.storeBanner.findMany({
      where: { active: true },
      select: { id: true, title: true, subtitle: true, imageUrl: true, linkUrl: true },
      orderBy: [{ position: "asc" }, { id: "asc" }],
    }),
    db.socialLink.findMany({
      where: { active: true },
      select: { platform: true, url: true },
      orderBy: [{ position: "asc" }, { id: "asc" }],
    }),
    listCategoryTree(db),
    db.paymentMethodConfig.findMany({
      where: { active: true },
      select: { id: true, name: true, type: true, adjustmentPercent: true },
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    }),
    db.whatsAppConfig.findUnique({ where: { id: 1 }, select: { active: true } }),
  ]);
  const hub = config?.fulfillmentBranch;
  const fulfillingBranch =
    hub && sellsOnlineNow(hub) ? { id: hub.id, name: hub.name, address: hub.address, phone: hub.phone } : null;
  return {
    storeName: config?.storeName ?? DEFAULT_STORE_INFO.storeName,
    description: config?.description ?? DEFAULT_STORE_INFO.description,
    logoUrl: config?.logoUrl ?? null,
    contactEmail: config?.email ?? null,
    contactPhone: config?.phone ?? null,
    address: config?.address ?? null,
    currency: config?.currency ?? DEFAULT_STORE_INFO.currency,
    locale: config?.locale ?? DEFAULT_STORE_INFO.locale,
    open: Boolean(config?.active && fulfillingBranch),
    fulfillingBranch,
    branches,
    pickup: config?.pickupEnabled ?? false,
    shipping: {
      enabled: config?.shippingEnabled ?? false,
      fee: config?.shippingFee.toFixed(2) ?? "0.00",
      freeFrom: config?.freeShippingFrom?.toFixed(2) ?? null,
    },
    whatsApp: Boolean(whatsApp?.active),
    banners,
    social,
    categories: activeTree(tree),
    paymentMethods: methods.map((method) => ({ ...method, adjustmentPercent: method.adjustmentPercent.toFixed(2) })),
  };
}

/** The fulfilling branch's id when the shop sells online now, else null: what "in stock" is counted at. */
export async function onlineStockBranch(db: Db): Promise<number | null> {
  const config = await db.storeConfig.findUnique({
    where: { id: 1 },
    select: { fulfillmentBranch: { select: { id: true, active: true, sellsOnline: true } } },
  });
  const hub = config?.fulfillmentBranch;
  return hub && sellsOnlineNow(hub) ? hub.id : null;
}
