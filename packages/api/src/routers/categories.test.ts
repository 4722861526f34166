import { describe, expect, it } from "vitest";
import { useTestDb } from "@pos/db/testing";
import { callerFor, catalogSnapshot, createProduct } from "../../test/catalog.ts";

const t = useTestDb();

describe("categories", () => {
  it("builds a tree with unique slugs and children in their sort order", async () => {
    const manager = await callerFor(t.db, "MANAGER");
    const shoes = await manager.categories.create({ name: "Calzado Niños" });
    const running = await manager.categories.create({ name: "Running", parentId: shoes.id });
    const urban = await manager.categories.create({ name: "Urbano", parentId: shoes.id });
    const twin = await manager.categories.create({ name: "Calzado niños!" });
    expect([shoes.slug, twin.slug]).toEqual(["calzado-ninos", "calzado-ninos-2"]);

    const cashier = await callerFor(t.db, "CASHIER");
    const tree = await cashier.categories.tree();
    const node = tree.find((root) => root.id === shoes.id);
    expect(node?.children.map((child) => child.id)).toEqual([running.id, urban.id]);

    await manager.categories.reorder({ parentId: shoes.id, ids: [urban.id, running.id] });
    const reordered = (await cashier.categories.tree()).find((root) => root.id === shoes.id);
    expect(reordered?.children.map((child) => child.name)).toEqual(["Urbano", "Running"]);
  });

  it("renames (new slug), moves, and refuses cycles and incomplete reorders", async () => {
    const manager = await callerFor(t.db, "MANAGER");
    const top = await manager.categories.create({ name: "Indumentaria" });
    const mid = await manager.categories.create({ name: "Remeras", parentId: top.id });
    const leaf = await manager.categories.create({ name: "Musculosas", parentId: mid.id });
    expect(await manager.categories.update({ id: mid.id, name: "Remeras y Tops" })).toMatchObject({
      slug: "remeras-y-tops",
    });
    const before = await catalogSnapshot(t.db);
    await expect(manager.categories.update({ id: top.id, parentId: leaf.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(manager.categories.update({ id: top.id, parentId: top.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(manager.categories.reorder({ parentId: top.id, ids: [leaf.id] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(manager.categories.create({ name: "Huérfana", parentId: 999_999 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(manager.categories.create({ name: "  " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await catalogSnapshot(t.db)).toBe(before);
    expect(await manager.categories.update({ id: leaf.id, parentId: null })).toMatchObject({ parentId: null });
  });

  it("deletes only an empty category", async () => {
    const manager = await callerFor(t.db, "MANAGER");
    const used = await manager.categories.create({ name: "Con productos" });
    await createProduct(t.db, { categoryId: used.id });
    await expect(manager.categories.delete({ id: used.id })).rejects.toMatchObject({ code: "CONFLICT" });
    const empty = await manager.categories.create({ name: "Vacía" });
    expect(await manager.categories.delete({ id: empty.id })).toEqual({ id: empty.id });
    expect(await t.db.category.findUnique({ where: { id: empty.id } })).toBeNull();
  });

  it("lets staff read the tree, only managers and admins write it, nobody anonymous", async () => {
    const manager = await callerFor(t.db, "MANAGER");
    const parent = await manager.categories.create({ name: "Roles" });
    const writes = (caller: Awaited<ReturnType<typeof callerFor>>) => [
      () => caller.categories.create({ name: "Nueva", parentId: parent.id }),
      () => caller.categories.update({ id: parent.id, active: true }),
      () => caller.categories.reorder({ parentId: null, ids: [parent.id] }),
      () => caller.categories.delete({ id: 999_999 }),
    ];
    const nobody = await callerFor(t.db, "ANONYMOUS");
    await expect(nobody.categories.tree()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    for (const call of writes(nobody)) await expect(call()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const cashier = await callerFor(t.db, "CASHIER");
    await expect(cashier.categories.tree()).resolves.toBeInstanceOf(Array);
    for (const call of writes(cashier)) await expect(call()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const admin = await callerFor(t.db, "ADMIN");
    const [create, update] = writes(admin);
    await expect(create?.()).resolves.toMatchObject({ parentId: parent.id });
    await expect(update?.()).resolves.toMatchObject({ id: parent.id });
  });
});
