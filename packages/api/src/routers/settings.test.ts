import { describe, expect, it } from "vitest";
import { useTestDb } from "@pos/db/testing";
import { createLocalImageStorage } from "../images/local.ts";
import { openStoreTerms } from "../services/orders/terms.ts";
import { prepareStoreImageUpload, storeImageUrl } from "../services/settings/images.ts";
import { createBranch, databaseFingerprint } from "../../test/factories.ts";
import { PNG_1X1, tempDir } from "../../test/images.ts";
import { callerAs, type Caller } from "../../test/people.ts";

const t = useTestDb();

async function caller(role: "ADMIN" | "MANAGER" | "CASHIER"): Promise<Caller> {
  return (await callerAs(t.db, role)).caller;
}

let sequence = 0;
const code = (prefix: string) => `${prefix}-${++sequence}`;

const auditCount = (action: string) => t.db.auditEvent.count({ where: { action } });

/** Every write of the settings router, with a valid input: the role check alone must stop it. */
function writes(c: Caller, ids: { method: number; plan: number; link: number; banner: number }) {
  return {
    "store.update": () => c.settings.store.update({ description: "Cerrado por inventario" }),
    "payments.create": () => c.settings.payments.create({ code: code("mp"), name: "Mercado Pago", type: "QR" }),
    "payments.update": () => c.settings.payments.update({ id: ids.method, adjustmentPercent: "5" }),
    "payments.addPlan": () =>
      c.settings.payments.addPlan({ methodId: ids.method, installments: 12, surchargePercent: "30" }),
    "payments.updatePlan": () => c.settings.payments.updatePlan({ id: ids.plan, surchargePercent: "1" }),
    "payments.removePlan": () => c.settings.payments.removePlan({ id: ids.plan }),
    "whatsapp.update": () =>
      c.settings.whatsapp.update({ phoneNumber: "+54 9 11 5555-0000", messageTemplate: "Hola {store}", active: true }),
    "social.create": () => c.settings.social.create({ platform: "instagram", url: "https://instagram.com/shop" }),
    "social.update": () => c.settings.social.update({ id: ids.link, active: false }),
    "social.reorder": async () =>
      c.settings.social.reorder({ ids: (await t.db.socialLink.findMany()).map((l) => l.id) }),
    "social.delete": () => c.settings.social.delete({ id: ids.link }),
    "banners.create": () => c.settings.banners.create({ title: "Sale", imageUrl: "https://img.test/a.jpg" }),
    "banners.update": () => c.settings.banners.update({ id: ids.banner, title: "Otra" }),
    "banners.reorder": async () =>
      c.settings.banners.reorder({ ids: (await t.db.storeBanner.findMany()).map((b) => b.id).reverse() }),
    "banners.delete": () => c.settings.banners.delete({ id: ids.banner }),
  };
}

/** One of each thing a write changes. */
async function someOfEach(admin: Caller) {
  const credit = await admin.settings.payments.create({ code: code("visa"), name: "Visa", type: "CREDIT" });
  const withPlan = await admin.settings.payments.addPlan({
    methodId: credit.id,
    installments: 3,
    surchargePercent: "10",
  });
  const link = await admin.settings.social.create({ platform: "facebook", url: "https://facebook.com/shop" });
  const banner = await admin.settings.banners.create({ title: "Invierno", imageUrl: "https://img.test/w.jpg" });
  return { method: credit.id, plan: withPlan.installmentPlans[0]?.id ?? 0, link: link.id, banner: banner.id };
}

describe("settings router: who may call it", () => {
  it("lets managers read but not change anything, cashiers neither; a refused write changes nothing", async () => {
    const admin = await caller("ADMIN");
    const ids = await someOfEach(admin);
    for (const [role, code] of [
      ["CASHIER", "FORBIDDEN"],
      ["MANAGER", "FORBIDDEN"],
      ["ANONYMOUS", "UNAUTHORIZED"],
    ] as const) {
      const c = (await callerAs(t.db, role)).caller;
      const before = await databaseFingerprint(t.db);
      for (const [name, call] of Object.entries(writes(c, ids))) {
        await expect(call(), `${role} ${name}`).rejects.toMatchObject({ code });
      }
      await expect(c.settings.whatsapp.preview({ messageTemplate: "{store}" })).rejects.toMatchObject({ code });
      expect(await databaseFingerprint(t.db)).toEqual(before);
    }
    const manager = await caller("MANAGER");
    expect(await manager.settings.store.get()).toHaveProperty("storeName");
    expect((await manager.settings.payments.list()).map((method) => method.id)).toContain(ids.method);
    expect(await manager.settings.whatsapp.get()).toHaveProperty("messageTemplate");
    expect((await manager.settings.social.list()).map((link) => link.id)).toContain(ids.link);
    expect((await manager.settings.banners.list()).map((banner) => banner.id)).toContain(ids.banner);
    const cashier = await caller("CASHIER");
    await expect(cashier.settings.store.get()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lets an admin make every change", async () => {
    const admin = await caller("ADMIN");
    const ids = await someOfEach(admin);
    for (const [name, call] of Object.entries(writes(admin, ids))) {
      await expect(
        call().then(() => "OK"),
        name,
      ).resolves.toBe("OK");
    }
  });
});

describe("settings.store", () => {
  it("starts from the defaults, then saves normalised values and audits what changed", async () => {
    await t.db.storeConfig.deleteMany();
    const admin = await caller("ADMIN");
    expect(await admin.settings.store.get()).toMatchObject({ configured: false, currency: "ARS", taxRate: "21.00" });
    const saved = await admin.settings.store.update({
      storeName: " Deportes Sur ",
      currency: "usd",
      taxRate: "10.5",
      email: " Hola@Deportes.test ",
      phone: "+54 9 (11) 4444-5555",
      address: "",
      cashierMaxDiscountPercent: "15",
      logoUrl: "https://img.test/logo.png",
    });
    expect(saved).toMatchObject({
      configured: true,
      storeName: "Deportes Sur",
      currency: "USD",
      taxRate: "10.50",
      email: "hola@deportes.test",
      phone: "+5491144445555",
      address: null,
      cashierMaxDiscountPercent: "15.00",
    });
    const event = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "settings.store_updated" },
      orderBy: { id: "desc" },
    });
    expect(event.data).toMatchObject({ changed: { currency: { from: "ARS", to: "USD" }, taxRate: { to: "10.50" } } });
    expect(await admin.settings.store.get()).toEqual(saved);
  });

  it("refuses bad input with a clear error and changes nothing", async () => {
    const admin = await caller("ADMIN");
    await admin.settings.store.update({ storeName: "Deportes Sur", pickupEnabled: true, shippingEnabled: true });
    const before = await databaseFingerprint(t.db);
    for (const fields of [
      { currency: "ARSS" },
      { currency: "ZZZ" },
      { taxRate: "101" },
      { taxRate: "-1" },
      { taxRate: "10.555" },
      { cashierMaxDiscountPercent: "150" },
      { logoUrl: "http://img.test/logo.png" },
      { logoUrl: "javascript:alert(1)" },
      { email: "not an email" },
      { storeName: "  " },
      { orderHoldMinutes: 0 },
      { pickupEnabled: false, shippingEnabled: false },
    ]) {
      await expect(admin.settings.store.update(fields), JSON.stringify(fields)).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    }
    // One at a time too: pickup off is fine while shipping is offered, not once both are off.
    await admin.settings.store.update({ shippingEnabled: false });
    await expect(admin.settings.store.update({ pickupEnabled: false })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Offer pickup, shipping or both.",
    });
    await admin.settings.store.update({ shippingEnabled: true });
    expect(await databaseFingerprint(t.db)).not.toEqual(before); // the two valid saves above were audited
  });

  it("takes only an active branch that sells online as the fulfilling branch", async () => {
    const admin = await caller("ADMIN");
    const offline = await createBranch(t.db);
    const online = await t.db.branch.update({
      where: { id: (await createBranch(t.db)).id },
      data: { sellsOnline: true },
    });
    const before = await databaseFingerprint(t.db);
    await expect(admin.settings.store.update({ fulfillmentBranchId: offline.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("must be active and sell online") as string,
    });
    await expect(admin.settings.store.update({ fulfillmentBranchId: 999_999 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await databaseFingerprint(t.db)).toEqual(before);
    const saved = await admin.settings.store.update({ fulfillmentBranchId: online.id, active: true });
    expect(saved.fulfillmentBranch).toMatchObject({ id: online.id, name: online.name });
    expect((await openStoreTerms(t.db, "PICKUP")).branch.id).toBe(online.id);
  });

  it("closing the store stops online orders, and the register reads the new discount limit", async () => {
    const admin = await caller("ADMIN");
    const branch = await t.db.branch.update({
      where: { id: (await createBranch(t.db)).id },
      data: { sellsOnline: true },
    });
    await admin.settings.store.update({
      fulfillmentBranchId: branch.id,
      active: false,
      cashierMaxDiscountPercent: "7.5",
    });
    await expect(openStoreTerms(t.db, "PICKUP")).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("the store is closed") as string,
    });
    const setup = await admin.register.setup({ branchId: branch.id });
    expect(setup.store.cashierMaxDiscountPercent).toBe("7.50");
    await admin.settings.store.update({ active: true });
    await expect(openStoreTerms(t.db, "PICKUP")).resolves.toMatchObject({ storeName: expect.any(String) as string });
  });
});

describe("settings.payments", () => {
  it("creates and changes methods, whose adjustment and plans the register offers at once", async () => {
    const admin = await caller("ADMIN");
    const branch = await createBranch(t.db);
    const card = await admin.settings.payments.create({
      code: code("Naranja"),
      name: "Naranja",
      type: "CREDIT",
      adjustmentPercent: "2.5",
      sortOrder: 5,
    });
    expect(card).toMatchObject({ adjustmentPercent: "2.50", active: true, installmentPlans: [] });
    expect(card.code).toMatch(/^naranja-/);
    const withPlans = await admin.settings.payments.addPlan({
      methodId: card.id,
      installments: 6,
      surchargePercent: "20",
    });
    await admin.settings.payments.addPlan({ methodId: card.id, installments: 3, surchargePercent: "10" });
    const plan6 = withPlans.installmentPlans[0]?.id ?? 0;
    const changed = await admin.settings.payments.updatePlan({ id: plan6, surchargePercent: "18.75" });
    expect(changed.installmentPlans.map((plan) => [plan.installments, plan.surchargePercent])).toEqual([
      [3, "10.00"],
      [6, "18.75"],
    ]);
    await admin.settings.payments.update({ id: card.id, adjustmentPercent: "-5", name: "Naranja X" });

    const offered = (await admin.register.setup({ branchId: branch.id })).paymentMethods.find((m) => m.id === card.id);
    expect(offered).toMatchObject({
      name: "Naranja X",
      adjustmentPercent: "-5.00",
      plans: [
        { installments: 3, surchargePercent: "10.00" },
        { installments: 6, surchargePercent: "18.75" },
      ],
    });
    const afterRemove = await admin.settings.payments.removePlan({ id: plan6 });
    expect(afterRemove.installmentPlans.map((plan) => plan.installments)).toEqual([3]);
    await admin.settings.payments.update({ id: card.id, active: false });
    const methods = (await admin.register.setup({ branchId: branch.id })).paymentMethods;
    expect(methods.map((method) => method.id)).not.toContain(card.id);
    for (const action of ["payment_method.created", "installment_plan.added", "installment_plan.changed"]) {
      expect(await auditCount(action), action).toBeGreaterThan(0);
    }
    expect(await auditCount("installment_plan.removed")).toBeGreaterThan(0);
  });

  it("refuses duplicate codes and plans, plans on a non-credit method, and out-of-range percents", async () => {
    const admin = await caller("ADMIN");
    const debit = await admin.settings.payments.create({ code: code("debito"), name: "Débito", type: "DEBIT" });
    const credit = await admin.settings.payments.create({ code: code("amex"), name: "Amex", type: "CREDIT" });
    await admin.settings.payments.addPlan({ methodId: credit.id, installments: 3, surchargePercent: "10" });
    const before = await databaseFingerprint(t.db);
    await expect(
      admin.settings.payments.create({ code: debit.code, name: "Otro", type: "DEBIT" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      admin.settings.payments.addPlan({ methodId: credit.id, installments: 3, surchargePercent: "5" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("already has a plan") as string });
    await expect(
      admin.settings.payments.addPlan({ methodId: debit.id, installments: 3, surchargePercent: "5" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("not a credit card") as string });
    for (const call of [
      () => admin.settings.payments.update({ id: debit.id, adjustmentPercent: "-100" }),
      () => admin.settings.payments.update({ id: debit.id, adjustmentPercent: "100.01" }),
      () => admin.settings.payments.update({ id: debit.id, name: "" }),
      () => admin.settings.payments.addPlan({ methodId: credit.id, installments: 0, surchargePercent: "5" }),
      () => admin.settings.payments.addPlan({ methodId: credit.id, installments: 99, surchargePercent: "5" }),
      () => admin.settings.payments.addPlan({ methodId: credit.id, installments: 12, surchargePercent: "-1" }),
      () => admin.settings.payments.create({ code: "x", name: "X", type: "CASH" }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await expect(admin.settings.payments.update({ id: 999_999, name: "X" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(admin.settings.payments.removePlan({ id: 999_999 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await databaseFingerprint(t.db)).toEqual(before);
  });
});

describe("settings.payments under concurrency", () => {
  it("lets only one of two admins adding the same plan at once win; the other is told it exists", async () => {
    const [a, b] = [await caller("ADMIN"), await caller("ADMIN")];
    const card = await a.settings.payments.create({ code: code("cabal"), name: "Cabal", type: "CREDIT" });
    const add = (c: Caller) =>
      c.settings.payments.addPlan({ methodId: card.id, installments: 9, surchargePercent: "15" });
    const results = await Promise.allSettled([add(a), add(b)]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((result) => result.status === "rejected");
    expect(refused?.reason).toMatchObject({ code: "CONFLICT" });
    expect(await t.db.installmentPlan.count({ where: { methodId: card.id } })).toBe(1);
  });
});

describe("settings.whatsapp", () => {
  it("saves the number and a template that uses known placeholders only", async () => {
    const admin = await caller("ADMIN");
    const saved = await admin.settings.whatsapp.update({
      phoneNumber: "+54 9 11 5555-1234",
      messageTemplate: "Hola {store}! Soy {name}, pedido {order}:\n{items}\nTotal {total}",
      active: true,
    });
    expect(saved).toMatchObject({ phoneNumber: "+5491155551234", active: true, configured: true });
    expect(await auditCount("settings.whatsapp_updated")).toBeGreaterThan(0);
    const before = await databaseFingerprint(t.db);
    await expect(
      admin.settings.whatsapp.update({
        phoneNumber: "+54 11 5555 1234",
        messageTemplate: "Hola {nombre}",
        active: true,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("{nombre}") as string });
    for (const fields of [
      { phoneNumber: "abc", messageTemplate: "Hola", active: true },
      { phoneNumber: "+54 11 5555 1234", messageTemplate: "  ", active: true },
    ]) {
      await expect(admin.settings.whatsapp.update(fields)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(await databaseFingerprint(t.db)).toEqual(before);
  });

  it("previews a sample order with the order message's own rendering, leaving unknown placeholders visible", async () => {
    const admin = await caller("ADMIN");
    await admin.settings.store.update({ storeName: "Deportes Sur", currency: "ARS" });
    await admin.settings.whatsapp.update({ phoneNumber: "5491155551234", messageTemplate: "Hola", active: true });
    const preview = await admin.settings.whatsapp.preview({
      messageTemplate: "Hola {store}, soy {name}. Pedido {order}:\n{items}\nTotal: {total} {oops}",
    });
    expect(preview.message).toContain("Hola Deportes Sur, soy Ana Gómez. Pedido WEB-001234:");
    expect(preview.message).toContain("• 1 × Zapatilla Runner (talle 42)");
    expect(preview.message).toContain("• Envío");
    expect(preview.message).toMatch(/Total: \$\s?104\.500,00 \{oops\}$/);
    expect(preview.link).toBe(`https://wa.me/5491155551234?text=${encodeURIComponent(preview.message)}`);
  });
});

describe("settings.social and settings.banners", () => {
  it("keeps each list in order: add at the end, reorder, delete closes the gap", async () => {
    const admin = await caller("ADMIN");
    await t.db.storeBanner.deleteMany();
    const make = (title: string) => admin.settings.banners.create({ title, imageUrl: `https://img.test/${title}.jpg` });
    const [a, b, c] = [await make("a"), await make("b"), await make("c")];
    expect([a.position, b.position, c.position]).toEqual([0, 1, 2]);
    const reordered = await admin.settings.banners.reorder({ ids: [c.id, a.id, b.id] });
    expect(reordered.map((banner) => [banner.title, banner.position])).toEqual([
      ["c", 0],
      ["a", 1],
      ["b", 2],
    ]);
    const before = await databaseFingerprint(t.db);
    await expect(admin.settings.banners.reorder({ ids: [c.id, a.id] })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await databaseFingerprint(t.db)).toEqual(before);
    await admin.settings.banners.delete({ id: c.id });
    expect((await admin.settings.banners.list()).map((banner) => [banner.title, banner.position])).toEqual([
      ["a", 0],
      ["b", 1],
    ]);
    const updated = await admin.settings.banners.update({
      id: a.id,
      subtitle: "Hasta 30 % off",
      linkUrl: "/c/running",
      imageUrl: "/uploads/store/banner-1.png",
      active: false,
    });
    expect(updated).toMatchObject({ subtitle: "Hasta 30 % off", linkUrl: "/c/running", active: false });
    await expect(admin.settings.banners.delete({ id: c.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await auditCount("banner.reordered")).toBeGreaterThan(0);
  });

  it("refuses addresses that are not https (or a store page, for a banner's link) and unknown platforms", async () => {
    const admin = await caller("ADMIN");
    const link = await admin.settings.social.create({ platform: "tiktok", url: "https://tiktok.com/@shop" });
    const before = await databaseFingerprint(t.db);
    for (const call of [
      () => admin.settings.social.create({ platform: "instagram", url: "http://instagram.com/shop" }),
      () => admin.settings.social.create({ platform: "instagram", url: "javascript:alert(1)" }),
      // @ts-expect-error -- not a platform the storefront knows
      () => admin.settings.social.create({ platform: "myspace", url: "https://myspace.com/shop" }),
      () => admin.settings.social.update({ id: link.id, url: "ftp://x.test" }),
      () => admin.settings.banners.create({ title: "X", imageUrl: "http://img.test/x.jpg" }),
      () => admin.settings.banners.create({ title: "X", imageUrl: "/etc/passwd" }),
      () => admin.settings.banners.create({ title: "X", imageUrl: "https://img.test/x.jpg", linkUrl: "//evil.test" }),
      () => admin.settings.banners.create({ title: "", imageUrl: "https://img.test/x.jpg" }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(await databaseFingerprint(t.db)).toEqual(before);
    expect(await admin.settings.social.update({ id: link.id, active: false })).toMatchObject({ active: false });
  });
});

describe("the store's pictures", () => {
  it("upload like a product's into the store's folder, and only the store's uploads become an address", async () => {
    const dir = await tempDir();
    try {
      const storage = createLocalImageStorage({ root: dir.dir });
      const request = { fileName: "Logo.png", contentType: "image/png" as const, size: PNG_1X1.byteLength };
      expect(prepareStoreImageUpload(request, storage)).toMatchObject({ kind: "local", fields: { owner: "store" } });
      const logo = await storage.store({ store: true, fileName: "Logo.png", contentType: "image/png", bytes: PNG_1X1 });
      expect(await storeImageUrl({ publicId: logo.publicId }, storage)).toEqual({ url: `/uploads/${logo.publicId}` });
      const product = await storage.store({
        productId: 3,
        fileName: "x.png",
        contentType: "image/png",
        bytes: PNG_1X1,
      });
      await expect(storeImageUrl({ publicId: product.publicId }, storage)).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
      await expect(storeImageUrl({ publicId: "store/missing.png" }, storage)).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    } finally {
      await dir.cleanup();
    }
  });
});
