// What the storefront shows around the catalog: the social links in its footer and the banners of its home
// carousel. Both are ordered lists (dense positions 0..n-1, like product images) that admins edit.
import type { Db, Prisma } from "@pos/db";
import {
  ZBannerCreate,
  ZBannerUpdate,
  ZSocialLinkCreate,
  ZSocialLinkUpdate,
  type TBannerCreate,
  type TBannerUpdate,
  type TSettingsReorder,
  type TSocialLinkCreate,
  type TSocialLinkUpdate,
} from "@pos/validators";
import type { SessionUser } from "../../context.ts";
import { DomainError } from "../../errors.ts";
import { recordAudit } from "../audit.ts";

type Tx = Prisma.TransactionClient;
type Actor = Pick<SessionUser, "id">;

/** The two lists, told apart where their rows differ; everything else about them is shared below. */
const LISTS = {
  social: { entity: "SocialLink", action: "social_link", what: "Social link", table: "SocialLink" },
  banner: { entity: "StoreBanner", action: "banner", what: "Banner", table: "StoreBanner" },
} as const;
type ListKind = keyof typeof LISTS;

const socialSelect = {
  id: true,
  platform: true,
  url: true,
  position: true,
  active: true,
} satisfies Prisma.SocialLinkSelect;
const bannerSelect = {
  id: true,
  title: true,
  subtitle: true,
  imageUrl: true,
  linkUrl: true,
  position: true,
  active: true,
} satisfies Prisma.StoreBannerSelect;

export type SocialLinkRow = Prisma.SocialLinkGetPayload<{ select: typeof socialSelect }>;
export type BannerRow = Prisma.StoreBannerGetPayload<{ select: typeof bannerSelect }>;

const byPosition = [{ position: "asc" }, { id: "asc" }] satisfies Prisma.StoreBannerOrderByWithRelationInput[];

export const listSocialLinks = (db: Db | Tx): Promise<SocialLinkRow[]> =>
  db.socialLink.findMany({ orderBy: byPosition, select: socialSelect });

export const listBanners = (db: Db | Tx): Promise<BannerRow[]> =>
  db.storeBanner.findMany({ orderBy: byPosition, select: bannerSelect });

const notFound = (kind: ListKind, id: number) =>
  new DomainError("NOT_FOUND", `${LISTS[kind].what} ${id} no longer exists. Reload the page.`, { id });

/** Serialises edits of one list (two admins adding at once must not both take "the next position"). */
async function lockList(tx: Tx, kind: ListKind): Promise<void> {
  await tx.$executeRawUnsafe(`LOCK TABLE "${LISTS[kind].table}" IN SHARE ROW EXCLUSIVE MODE`);
}

async function audit(
  tx: Tx,
  kind: ListKind,
  what: string,
  id: number | "all",
  actor: Actor,
  data: Prisma.InputJsonObject,
) {
  const list = LISTS[kind];
  await recordAudit(tx, {
    actorId: actor.id,
    action: `${list.action}.${what}`,
    entity: list.entity,
    entityId: id,
    data,
  });
}

function positionsOf(tx: Tx, kind: ListKind): Promise<{ id: number }[]> {
  return kind === "social"
    ? tx.socialLink.findMany({ orderBy: byPosition, select: { id: true } })
    : tx.storeBanner.findMany({ orderBy: byPosition, select: { id: true } });
}

async function setPosition(tx: Tx, kind: ListKind, id: number, position: number): Promise<void> {
  if (kind === "social") await tx.socialLink.update({ where: { id }, data: { position } });
  else await tx.storeBanner.update({ where: { id }, data: { position } });
}

/** Puts the rows in the order given, which must name every row exactly once (else someone changed the list). */
async function reorder(db: Db, kind: ListKind, input: TSettingsReorder, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockList(tx, kind);
    const current = await positionsOf(tx, kind);
    const wanted = new Set(input.ids);
    if (current.length !== wanted.size || current.some((row) => !wanted.has(row.id))) {
      throw new DomainError(
        "CONFLICT",
        `The new order must list each of the ${current.length} items exactly once. Reload the page: someone may have changed them.`,
        { ids: current.map((row) => row.id) },
      );
    }
    for (const [position, id] of input.ids.entries()) await setPosition(tx, kind, id, position);
    await audit(tx, kind, "reordered", "all", actor, { ids: input.ids });
  });
}

/** Removes a row and closes the gap it leaves. */
async function remove(db: Db, kind: ListKind, id: number, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockList(tx, kind);
    const deleted =
      kind === "social"
        ? await tx.socialLink.deleteMany({ where: { id } })
        : await tx.storeBanner.deleteMany({ where: { id } });
    if (deleted.count === 0) throw notFound(kind, id);
    for (const [position, row] of (await positionsOf(tx, kind)).entries())
      await setPosition(tx, kind, row.id, position);
    await audit(tx, kind, "deleted", id, actor, {});
  });
}

// ─── Social links ─────────────────────────────────────────────────────────────────────────────────

export async function createSocialLink(db: Db, input: TSocialLinkCreate, actor: Actor): Promise<SocialLinkRow> {
  const fields = ZSocialLinkCreate.parse(input);
  return db.$transaction(async (tx) => {
    await lockList(tx, "social");
    const position = await tx.socialLink.count();
    const link = await tx.socialLink.create({ data: { ...fields, position }, select: socialSelect });
    await audit(tx, "social", "created", link.id, actor, { platform: link.platform, url: link.url });
    return link;
  });
}

export async function updateSocialLink(db: Db, input: TSocialLinkUpdate, actor: Actor): Promise<SocialLinkRow> {
  const { id, ...fields } = ZSocialLinkUpdate.parse(input);
  return db.$transaction(async (tx) => {
    const { count } = await tx.socialLink.updateMany({ where: { id }, data: fields });
    if (count === 0) throw notFound("social", id);
    await audit(tx, "social", "updated", id, actor, { changed: Object.keys(fields) });
    return tx.socialLink.findUniqueOrThrow({ where: { id }, select: socialSelect });
  });
}

export const deleteSocialLink = (db: Db, id: number, actor: Actor) => remove(db, "social", id, actor);

export async function reorderSocialLinks(db: Db, input: TSettingsReorder, actor: Actor): Promise<SocialLinkRow[]> {
  await reorder(db, "social", input, actor);
  return listSocialLinks(db);
}

// ─── Banners ──────────────────────────────────────────────────────────────────────────────────────

export async function createBanner(db: Db, input: TBannerCreate, actor: Actor): Promise<BannerRow> {
  const fields = ZBannerCreate.parse(input);
  return db.$transaction(async (tx) => {
    await lockList(tx, "banner");
    const position = await tx.storeBanner.count();
    const banner = await tx.storeBanner.create({ data: { ...fields, position }, select: bannerSelect });
    await audit(tx, "banner", "created", banner.id, actor, { title: banner.title, imageUrl: banner.imageUrl });
    return banner;
  });
}

export async function updateBanner(db: Db, input: TBannerUpdate, actor: Actor): Promise<BannerRow> {
  const { id, ...fields } = ZBannerUpdate.parse(input);
  return db.$transaction(async (tx) => {
    const { count } = await tx.storeBanner.updateMany({ where: { id }, data: fields });
    if (count === 0) throw notFound("banner", id);
    await audit(tx, "banner", "updated", id, actor, { changed: Object.keys(fields) });
    return tx.storeBanner.findUniqueOrThrow({ where: { id }, select: bannerSelect });
  });
}

export const deleteBanner = (db: Db, id: number, actor: Actor) => remove(db, "banner", id, actor);

export async function reorderBanners(db: Db, input: TSettingsReorder, actor: Actor): Promise<BannerRow[]> {
  await reorder(db, "banner", input, actor);
  return listBanners(db);
}
