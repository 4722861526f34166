// The seed's promises, checked in SQL against a seeded database. Each query returns the offending rows (at most
// a few), so a failure says what is wrong rather than just "false". Used by the tests for the demo and the large
// seed; cheap enough to run by hand on a 10-million-row benchmark database too.
import type { Db } from "@pos/db";
import { isValidEan13 } from "@pos/validators";

const CHECKS: Record<string, string> = {
  "stock level = Σ movements for every (branch, variant)": `
    SELECT s."branchId", s."variantId", s.quantity, COALESCE(m.total, 0) AS "sum"
    FROM "StockLevel" s
    LEFT JOIN (SELECT "branchId", "variantId", SUM(quantity) AS total FROM "InventoryMovement" GROUP BY 1, 2) m
      USING ("branchId", "variantId")
    WHERE s.quantity <> COALESCE(m.total, 0) LIMIT 5`,
  "every movement's balanceAfter is the running balance": `
    SELECT id, "branchId", "variantId", "balanceAfter", running FROM (
      SELECT id, "branchId", "variantId", "balanceAfter",
        SUM(quantity) OVER (PARTITION BY "branchId", "variantId" ORDER BY "createdAt", id) AS running
      FROM "InventoryMovement") m
    WHERE running <> "balanceAfter" OR "balanceAfter" < 0 LIMIT 5`,
  "the latest movement's balanceAfter = stock level": `
    SELECT s."branchId", s."variantId", s.quantity, last."balanceAfter"
    FROM "StockLevel" s
    JOIN (SELECT DISTINCT ON ("branchId", "variantId") "branchId", "variantId", "balanceAfter"
          FROM "InventoryMovement" ORDER BY "branchId", "variantId", "createdAt" DESC, id DESC) last
      USING ("branchId", "variantId")
    WHERE last."balanceAfter" <> s.quantity LIMIT 5`,
  "every moved (branch, variant) has a stock level": `
    SELECT DISTINCT m."branchId", m."variantId" FROM "InventoryMovement" m
    LEFT JOIN "StockLevel" s USING ("branchId", "variantId") WHERE s."branchId" IS NULL LIMIT 5`,
  "lineTotal = quantity × unitPrice − discount": `
    SELECT id, quantity, "unitPrice", discount, "lineTotal" FROM "SaleItem"
    WHERE "lineTotal" <> quantity * "unitPrice" - discount LIMIT 5`,
  "subtotal = Σ lineTotal": `
    SELECT s.id, s.subtotal, i.total FROM "Sale" s
    LEFT JOIN (SELECT "saleId", SUM("lineTotal") AS total FROM "SaleItem" GROUP BY 1) i ON i."saleId" = s.id
    WHERE i.total IS DISTINCT FROM s.subtotal LIMIT 5`,
  "total = subtotal − discount + surcharge, tax = the VAT included": `
    SELECT id, subtotal, discount, surcharge, tax, total FROM "Sale"
    WHERE total <> subtotal - discount + surcharge OR tax <> ROUND(total * 21 / 121, 2) LIMIT 5`,
  "Σ payments = total and Σ payment surcharges = surcharge": `
    SELECT s.id, s.total, p.amount, s.surcharge, p.surcharge AS "paymentSurcharge" FROM "Sale" s
    LEFT JOIN (SELECT "saleId", SUM(amount) AS amount, SUM(surcharge) AS surcharge FROM "Payment" GROUP BY 1) p
      ON p."saleId" = s.id
    WHERE p.amount IS DISTINCT FROM s.total OR p.surcharge IS DISTINCT FROM s.surcharge LIMIT 5`,
  "every sale line left stock through a SALE movement": `
    SELECT i.id, i."saleId" FROM "SaleItem" i JOIN "Sale" s ON s.id = i."saleId"
    LEFT JOIN "InventoryMovement" m
      ON m."saleId" = i."saleId" AND m."variantId" = i."variantId" AND m.type = 'SALE' AND m.quantity = -i.quantity
      AND m."branchId" = s."branchId"
    WHERE m.id IS NULL LIMIT 5`,
  "cancelled orders came back through CANCEL movements": `
    SELECT s.id FROM "Sale" s WHERE s.status = 'CANCELLED' AND
      (SELECT COALESCE(SUM(quantity), 0) FROM "InventoryMovement" m WHERE m."saleId" = s.id AND m.type = 'CANCEL')
      <> (SELECT SUM(quantity) FROM "SaleItem" i WHERE i."saleId" = s.id) LIMIT 5`,
  "sale numbers run 1…n per branch and lastSaleNumber is n": `
    SELECT b.id, b."lastSaleNumber", COUNT(s.id) AS sales, MIN(s.number) AS first, MAX(s.number) AS last
    FROM "Branch" b LEFT JOIN "Sale" s ON s."branchId" = b.id GROUP BY b.id
    HAVING COUNT(s.id) <> COALESCE(MAX(s.number), 0) OR b."lastSaleNumber" <> COALESCE(MAX(s.number), 0)
      OR COALESCE(MIN(s.number), 1) <> 1 LIMIT 5`,
  "register sales belong to their branch's cashier and shift": `
    SELECT s.id FROM "Sale" s LEFT JOIN "User" u ON u.id = s."cashierId"
    LEFT JOIN "CashSession" c ON c.id = s."cashSessionId"
    WHERE s.channel = 'POS' AND (u."branchId" IS DISTINCT FROM s."branchId" OR c."branchId" IS DISTINCT FROM s."branchId"
      OR c."cashierId" IS DISTINCT FROM s."cashierId") LIMIT 5`,
  "closing counts: expected = float + cash sales − cash refunds − pay-outs + pay-ins": `
    SELECT c.id, c."expectedCash", c."countedCash", c.difference FROM "CashSession" c
    WHERE c."expectedCash" <> c."openingFloat"
        + (SELECT COALESCE(SUM(p.amount), 0) FROM "Payment" p JOIN "Sale" s ON s.id = p."saleId"
           WHERE s."cashSessionId" = c.id AND p.method = 'CASH')
        - (SELECT COALESCE(SUM(r."refundAmount"), 0) FROM "Return" r
           WHERE r."branchId" = c."branchId" AND r."refundMethod" = 'CASH' AND r."createdAt" BETWEEN c."openedAt" AND c."closedAt")
        + (SELECT COALESCE(SUM(CASE m.type WHEN 'PAY_IN' THEN m.amount ELSE -m.amount END), 0) FROM "CashMovement" m
           WHERE m."sessionId" = c.id)
      OR c.difference <> c."countedCash" - c."expectedCash" LIMIT 5`,
  "every cashier has a branch": `SELECT id, email FROM "User" WHERE role = 'CASHIER' AND "branchId" IS NULL LIMIT 5`,
  "products without sizes have exactly one variant, without a size": `
    SELECT p.id, COUNT(v.id) AS variants FROM "Product" p JOIN "Variant" v ON v."productId" = p.id
    WHERE p."sizeSystem" = 'NONE' GROUP BY p.id HAVING COUNT(v.id) <> 1 OR COUNT(v."sizeLabel") <> 0 LIMIT 5`,
  "sized products have a variant per size": `
    SELECT p.id FROM "Product" p WHERE p."sizeSystem" <> 'NONE'
      AND (SELECT COUNT(*) FROM "Variant" v WHERE v."productId" = p.id AND v."sizeLabel" IS NOT NULL) < 5 LIMIT 5`,
  // The seed loads with ordinary triggers off (run.ts); the search triggers are ENABLE ALWAYS so they still run.
  "every product is searchable: its words derived and in the dictionary": `
    SELECT p.id, p.name FROM "Product" p
    WHERE p."searchName" <> search_name(p.name) OR p."searchWords" IS DISTINCT FROM search_words(p.name || ' ' || p.brand)
      OR EXISTS (SELECT 1 FROM unnest(p."searchWords") AS w WHERE NOT EXISTS (SELECT 1 FROM "SearchWord" s WHERE s.word = w))
    LIMIT 5`,
  "sequences continue after the seeded ids": `
    SELECT 'Sale' AS "table" FROM "Sale" HAVING COALESCE(MAX(id), 0) > (SELECT last_value FROM "Sale_id_seq")
    UNION ALL SELECT 'InventoryMovement' FROM "InventoryMovement"
      HAVING COALESCE(MAX(id), 0) > (SELECT last_value FROM "InventoryMovement_id_seq")
    UNION ALL SELECT 'Variant' FROM "Variant" HAVING COALESCE(MAX(id), 0) > (SELECT last_value FROM "Variant_id_seq")`,
};

/**
 * Every foreign key of the schema, read from the catalog: the seed loads with PostgreSQL's per-row key checks
 * skipped (see run.ts), so this is where a dangling reference would show.
 */
async function foreignKeyProblems(db: Db): Promise<string[]> {
  const keys = await db.$queryRawUnsafe<{ child: string; column: string; parent: string; target: string }[]>(`
    SELECT c.conrelid::regclass::text AS child, a.attname AS "column", c.confrelid::regclass::text AS parent, t.attname AS target
    FROM pg_constraint c
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
    JOIN pg_attribute t ON t.attrelid = c.confrelid AND t.attnum = c.confkey[1]
    WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace AND cardinality(c.conkey) = 1`);
  const problems: string[] = [];
  for (const key of keys) {
    const [row] = await db.$queryRawUnsafe<{ orphans: number }[]>(
      `SELECT COUNT(*)::int AS orphans FROM ${key.child} x WHERE x."${key.column}" IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM ${key.parent} p WHERE p."${key.target}" = x."${key.column}")`,
    );
    if (row?.orphans) problems.push(`${key.child}.${key.column} → ${key.parent}: ${row.orphans} dangling references`);
  }
  if (keys.length === 0) problems.push("no foreign keys found: is this a migrated database?");
  return problems;
}

/** Returns one message per broken rule (empty when the database keeps every promise). */
export async function checkSeedInvariants(db: Db): Promise<string[]> {
  const problems: string[] = await foreignKeyProblems(db);
  for (const [rule, sql] of Object.entries(CHECKS)) {
    const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(sql);
    if (rows.length > 0)
      problems.push(`${rule}: ${JSON.stringify(rows, (_, v: unknown) => (typeof v === "bigint" ? String(v) : v))}`);
  }
  const barcodes = await db.variant.findMany({ select: { barcode: true } });
  const invalid = barcodes.filter(({ barcode }) => !isValidEan13(barcode)).slice(0, 5);
  if (invalid.length > 0) problems.push(`every barcode is a valid EAN-13: ${invalid.map((v) => v.barcode).join(", ")}`);
  return problems;
}
