// The whole world the browser tests need, and nothing more: a shop name, one branch, two cashiers, a few
// products with stock, and the payment methods a register offers.
// Kept here rather than borrowed from the demo seed so a change to the demo data cannot break these tests.
import type { Db } from "@pos/db";
// @pos/auth is not a dependency of the repository root; its password module is plain node:crypto.
import { hashPassword } from "@pos/auth/password";

export const STORE_NAME = "Deportes del Sur";
export const BRANCH_NAME = "Centro";
/** A second branch: the cashiers of Centro may not sell from it. */
export const OTHER_BRANCH_NAME = "Norte";
/** Size 42 of the shoe: none at the register's branch, these at the other one. */
export const OTHER_BRANCH_SHOE_42 = 4;
export const OTHER_BRANCH_TEES = 20;
export const CASHIER = { name: "Lucía Fernández", email: "cajero.centro@e2e.pos", password: "e2e-caja-1234" } as const;
export const MANAGER = { name: "Martín Ríos", email: "encargado@e2e.pos", password: "e2e-caja-1234" } as const;
export const ADMIN = { name: "Valeria Gómez", email: "admin@e2e.pos", password: "e2e-caja-1234" } as const;
/** The other branch's cashier: the back-office test disables this account. */
export const NORTH_CASHIER = {
  name: "Pablo Suárez",
  email: "cajero.norte@e2e.pos",
  password: "e2e-caja-1234",
} as const;
export const DISABLED_CASHIER = {
  name: "Diego Acosta",
  email: "cajero.baja@e2e.pos",
  password: "e2e-caja-1234",
} as const;

/** Sells at the other branch, the one online orders come from: the storefront tests' register. */
export const STORE_CASHIER = {
  name: "Carla Benítez",
  email: "cajero.tienda@e2e.pos",
  password: "e2e-caja-1234",
} as const;

/**
 * The storefront's own shelf, apart from what the register and back-office tests sell: a shoe whose size 41 only
 * the register's branch has, and a jacket with one unit left online for the "last unit" race.
 */
export const STORE_PRODUCTS = {
  category: { name: "Trail", slug: "trail" },
  trail: {
    name: "Zapatilla Trail",
    slug: "zapatilla-trail",
    price: "90000.00",
    sizes: ["39", "40", "41"],
    online: [5, 2, 0],
    atRegisterBranch: [0, 0, 3],
  },
  lastUnit: { name: "Campera Última", slug: "campera-ultima", barcode: "7790000000103", price: "50000.00" },
} as const;

/** Prices include tax (the store's default). Barcodes are what the scanner "types" in the tests. */
export const PRODUCTS = {
  tee: { name: "Remera Dry Fit", barcode: "7790000000011", price: "20000.00", stock: 10 },
  socks: { name: "Medias Running", barcode: "7790000000028", price: "5000.00", stock: 10 },
  shoe: { name: "Zapatilla Runner", price: "80000.00", sizes: ["40", "41", "42"], stock: [3, 2, 0] },
} as const;

export async function loadFixture(db: Db): Promise<void> {
  const passwordHash = await hashPassword(CASHIER.password);
  const branch = await db.branch.create({
    data: { name: BRANCH_NAME, code: "CEN", address: "Florida 100, CABA", sellsOnline: true },
  });
  // Online and WhatsApp orders are served from the other branch, away from the register tests' stock.
  const other = await db.branch.create({
    data: { name: OTHER_BRANCH_NAME, code: "NOR", address: "Cabildo 2000, CABA", sellsOnline: true },
  });
  await db.storeConfig.create({
    data: { storeName: STORE_NAME, description: "Ropa y calzado deportivo.", fulfillmentBranchId: other.id },
  });
  await db.whatsAppConfig.create({
    data: {
      phoneNumber: "5491100000000",
      messageTemplate: "Hola, quiero hacer el pedido {order}:\n{items}\nTotal: {total}",
    },
  });
  await loadCatalog(db, branch.id, other.id);
  await loadStoreShelf(db, branch.id, other.id);
  await db.user.createMany({
    data: [
      { ...pick(CASHIER), passwordHash, role: "CASHIER", branchId: branch.id },
      { ...pick(DISABLED_CASHIER), passwordHash, role: "CASHIER", branchId: branch.id, active: false },
      { ...pick(MANAGER), passwordHash, role: "MANAGER", branchId: null },
      { ...pick(ADMIN), passwordHash, role: "ADMIN", branchId: null },
      { ...pick(NORTH_CASHIER), passwordHash, role: "CASHIER", branchId: other.id },
      { ...pick(STORE_CASHIER), passwordHash, role: "CASHIER", branchId: other.id },
    ],
  });
}

async function loadCatalog(db: Db, branchId: number, otherBranchId: number): Promise<void> {
  const category = await db.category.create({ data: { name: "Running", slug: "running" } });
  const product = (name: string, price: string, sizeSystem: "NONE" | "SHOES") =>
    db.product.create({
      data: {
        name,
        slug: name.toLowerCase().replace(/\s+/g, "-"),
        categoryId: category.id,
        price,
        cost: "1000.00",
        sizeSystem,
      },
    });
  const levels: { branchId: number; variantId: number; quantity: number }[] = [];
  for (const [key, item] of [["TEE", PRODUCTS.tee] as const, ["SOCKS", PRODUCTS.socks] as const]) {
    const created = await product(item.name, item.price, "NONE");
    const variant = await db.variant.create({
      data: { productId: created.id, sku: key, barcode: item.barcode, sizeLabel: null },
    });
    levels.push({ branchId, variantId: variant.id, quantity: item.stock });
    // The other branch sells tees too: what the back-office test sells there, away from the register tests.
    if (key === "TEE") levels.push({ branchId: otherBranchId, variantId: variant.id, quantity: OTHER_BRANCH_TEES });
  }
  const shoe = await product(PRODUCTS.shoe.name, PRODUCTS.shoe.price, "SHOES");
  for (const [position, size] of PRODUCTS.shoe.sizes.entries()) {
    const variant = await db.variant.create({
      data: { productId: shoe.id, sku: `RUN-${size}`, barcode: `77900000011${size}`, sizeLabel: size, position },
    });
    levels.push({ branchId, variantId: variant.id, quantity: PRODUCTS.shoe.stock[position] ?? 0 });
    // The other branch has the size this one is out of: the size picker points the customer there.
    if (size === "42") levels.push({ branchId: otherBranchId, variantId: variant.id, quantity: OTHER_BRANCH_SHOE_42 });
  }
  await openingStock(db, levels);
  await db.paymentMethodConfig.create({
    data: { code: "cash", name: "Efectivo", type: "CASH", adjustmentPercent: "-10", sortOrder: 1 },
  });
  await db.paymentMethodConfig.create({
    data: {
      code: "credit",
      name: "Crédito",
      type: "CREDIT",
      sortOrder: 2,
      installmentPlans: {
        create: [
          { installments: 1, surchargePercent: "0" },
          { installments: 3, surchargePercent: "10" },
        ],
      },
    },
  });
}

async function loadStoreShelf(db: Db, registerBranchId: number, onlineBranchId: number): Promise<void> {
  const { category, trail, lastUnit } = STORE_PRODUCTS;
  const shelf = await db.category.create({ data: category });
  const shoe = await db.product.create({
    data: {
      name: trail.name,
      slug: trail.slug,
      brand: "Andino",
      categoryId: shelf.id,
      price: trail.price,
      cost: "1000.00",
      sizeSystem: "SHOES",
      featured: true,
    },
  });
  const levels: { branchId: number; variantId: number; quantity: number }[] = [];
  for (const [position, size] of trail.sizes.entries()) {
    const variant = await db.variant.create({
      data: { productId: shoe.id, sku: `TRAIL-${size}`, barcode: `77900000022${size}`, sizeLabel: size, position },
    });
    levels.push({ branchId: onlineBranchId, variantId: variant.id, quantity: trail.online[position] ?? 0 });
    levels.push({ branchId: registerBranchId, variantId: variant.id, quantity: trail.atRegisterBranch[position] ?? 0 });
  }
  const jacket = await db.product.create({
    data: { name: lastUnit.name, slug: lastUnit.slug, categoryId: shelf.id, price: lastUnit.price, cost: "1000.00" },
  });
  const only = await db.variant.create({
    data: { productId: jacket.id, sku: "JACKET", barcode: lastUnit.barcode, sizeLabel: null },
  });
  levels.push({ branchId: onlineBranchId, variantId: only.id, quantity: 1 });
  await openingStock(db, levels);
}

/** Opening stock through the ledger, as every stock change is. */
async function openingStock(db: Db, levels: { branchId: number; variantId: number; quantity: number }[]) {
  for (const level of levels) {
    await db.stockLevel.create({ data: level });
    if (level.quantity === 0) continue;
    await db.inventoryMovement.create({
      data: { ...level, balanceAfter: level.quantity, type: "INITIAL", reason: "e2e fixture" },
    });
  }
}

function pick(user: { name: string; email: string }) {
  return { name: user.name, email: user.email };
}
