// The most urgent low-stock rows: levels at or below their product's minStock, furthest below it first. On a big
// catalog half the levels can be "low" (the large seed: 526k of 1.47M), so the list must find its few rows
// without joining and sorting them all. Urgency is the gap quantity − minStock, and minStock takes few values:
//   - Products are taken a minimum at a time, highest first, from the product side (their variants and levels
//     through the Variant(productId) and StockLevel(variantId) indexes), keeping the `limit` most urgent rows.
//   - Once `limit` rows are kept, a product whose minimum is at most m can only displace one if its quantity is
//     at most worst gap + m. When that bound is below zero, only stock gone negative (offline sales, domain
//     rule 2) can still qualify, and one pass over StockLevel finds it without touching the catalog.
// Every ranking is done in SQL, so product names sort by the database's collation exactly as before.
// No index on StockLevel.quantity on purpose: it would make every stock update of every sale a non-HOT update.
import { Prisma } from "@pos/db";

export interface LowStockRow {
  variantId: number;
  sku: string;
  sizeLabel: string | null;
  productId: number;
  productName: string;
  quantity: number;
  minStock: number;
}

export interface BranchLowStockRow extends LowStockRow {
  branchId: number;
  branchName: string;
}

export interface LowStockQuery {
  /** One branch, or every branch. */
  branchId: number | undefined;
  /** Leave out closed branches (nobody restocks them); a single branch's own list shows it regardless. */
  activeBranchesOnly: boolean;
  limit: number;
  /** Largest group of products read from the product side (tests lower it to reach the other path). */
  productSideMax?: number;
}

type Reader = Pick<Prisma.TransactionClient, "$queryRaw">;

/** Products sharing a minimum, their ids only when few enough to read from the product side. */
interface MinimumGroup {
  minStock: number;
  productIds: number[] | null;
}

type Ranked = BranchLowStockRow & { position: number };

const PRODUCT_SIDE_MAX = 5000;

/** Run it in one snapshot: its statements must see the same stock. */
export async function mostUrgentLowStock(db: Reader, query: LowStockQuery): Promise<BranchLowStockRow[]> {
  const groups = await db.$queryRaw<MinimumGroup[]>`
    SELECT "minStock", CASE WHEN count(*) <= ${query.productSideMax ?? PRODUCT_SIDE_MAX} THEN array_agg(id) END AS "productIds"
      FROM "Product" WHERE active GROUP BY 1 ORDER BY 1 DESC`;
  let kept: Ranked[] = [];
  let next = 0;
  for (const group of groups) {
    const worst = worstKept(kept, query.limit);
    if (group.productIds === null || (worst !== undefined && worst + group.minStock < 0)) break;
    const bound = worst === undefined ? Prisma.empty : Prisma.sql`AND s.quantity <= ${worst + group.minStock}`;
    kept = await rank(db, query, kept, productSide(group.productIds, query, bound));
    next++;
  }
  const rest = groups[next];
  if (rest) {
    const worst = worstKept(kept, query.limit);
    const bound = worst === undefined ? Prisma.empty : Prisma.sql`AND s.quantity <= ${worst + rest.minStock}`;
    kept = await rank(db, query, kept, stockSide(rest.minStock, query, bound));
  }
  return kept.map(({ position: _position, ...row }) => row);
}

/** The gap of the last row kept, once `limit` rows are: nothing worse can get in. */
function worstKept(kept: Ranked[], limit: number): number | undefined {
  const last = kept[limit - 1];
  return last && last.quantity - last.minStock;
}

const COLUMNS = Prisma.sql`b.id AS "branchId", b.name AS "branchName", v.id AS "variantId", v.sku, v."sizeLabel",
  p.id AS "productId", p.name AS "productName", s.quantity, p."minStock", v.position`;

/** The rows kept so far together with `candidates`, most urgent first; ties by name, branch, size position. */
async function rank(db: Reader, query: LowStockQuery, kept: Ranked[], candidates: Prisma.Sql): Promise<Ranked[]> {
  return db.$queryRaw<Ranked[]>`
    SELECT * FROM (
      SELECT ${COLUMNS}
        FROM unnest(${kept.map((row) => row.branchId)}::int[], ${kept.map((row) => row.variantId)}::int[])
             AS k("branchId", "variantId")
        JOIN "StockLevel" s ON s."branchId" = k."branchId" AND s."variantId" = k."variantId"
        JOIN "Variant" v ON v.id = s."variantId"
        JOIN "Product" p ON p.id = v."productId"
        JOIN "Branch" b ON b.id = s."branchId"
      UNION ALL
      ${candidates}
    ) ranked
    ORDER BY quantity - "minStock", "productName", "branchId", position, "variantId"
    LIMIT ${query.limit}`;
}

/** Low rows of the given products, reached through their variants (per product: OFFSET 0 stops flattening). */
function productSide(productIds: number[], query: LowStockQuery, bound: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT ${COLUMNS}
      FROM unnest(${productIds}::int[]) AS g(id)
      JOIN "Product" p ON p.id = g.id
      CROSS JOIN LATERAL (SELECT * FROM "Variant" v WHERE v."productId" = p.id OFFSET 0) v
      JOIN "StockLevel" s ON s."variantId" = v.id
      JOIN "Branch" b ON b.id = s."branchId"
     WHERE ${rowFilter(query)} ${bound}`;
}

/** Low rows of every active product with a minimum of at most `minStock`, from a pass over StockLevel. */
function stockSide(minStock: number, query: LowStockQuery, bound: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT ${COLUMNS}
      FROM "StockLevel" s
      JOIN "Variant" v ON v.id = s."variantId"
      JOIN "Product" p ON p.id = v."productId"
      JOIN "Branch" b ON b.id = s."branchId"
     WHERE p.active AND p."minStock" <= ${minStock} AND ${rowFilter(query)} ${bound}`;
}

function rowFilter(query: LowStockQuery): Prisma.Sql {
  return Prisma.sql`v.active AND s.quantity <= p."minStock"
    ${query.activeBranchesOnly ? Prisma.sql`AND b.active` : Prisma.empty}
    ${query.branchId === undefined ? Prisma.empty : Prisma.sql`AND s."branchId" = ${query.branchId}`}`;
}
