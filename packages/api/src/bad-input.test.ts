// Malformed input, generated: every procedure of appRouter that takes input, called by an admin (allowed
// everywhere), with values its own schema rejects. Each call must end in BAD_REQUEST and write nothing.
import fc from "fast-check";
import { z } from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "@pos/db/testing";
import { proceduresOf } from "./authorization.rules.ts";
import { appRouter, createCaller } from "./index.ts";
import { as, callPath, codeOf, createBranch, createUser, databaseFingerprint } from "../test/factories.ts";
import { createSizedProduct, seedStock } from "../test/stock.ts";

const t = useTestDb();

const RUNS_PER_PROCEDURE = 15;
const HUGE = "x".repeat(100_000);

/** Procedures that take input, with their schemas (tRPC keeps each `.input()` parser in `_def.inputs`). */
const withInput = proceduresOf(appRouter).flatMap(([path, procedure]) => {
  const schemas = procedure._def.inputs.map((parser) => {
    if (!(parser instanceof z.ZodType)) throw new Error(`${path}: input parser is not a zod schema`);
    return parser;
  });
  return schemas.length > 0 ? [{ path, type: procedure._def.type, schemas }] : [];
});

let admin: ReturnType<typeof createCaller>;
let existingIds: number[];

beforeAll(async () => {
  const db = t.db;
  const branches = [await createBranch(db), await createBranch(db)];
  admin = createCaller(as(db, await createUser(db, "ADMIN")));
  await createUser(db, "CASHIER", { branchId: branches[0]?.id });
  const { product, variants } = await createSizedProduct(db);
  for (const branch of branches) {
    await seedStock(db, branch.id, Object.fromEntries(variants.map((variant) => [variant.id, 5])));
  }
  const customer = await db.customer.create({ data: { name: "Cliente" } });
  // Ids that exist, next to one that does not (below): a malformed input is BAD_REQUEST whatever the ids it
  // names, because every guard that loads a record runs after the whole input is parsed.
  existingIds = [...branches.map((branch) => branch.id), product.id, customer.id];
});

/** Values a hurried client, a stale form or an attacker might send in place of a field. */
function fieldValue(): fc.Arbitrary<unknown> {
  const numbers = fc.oneof(
    fc.constantFrom(Number.NaN, Infinity, -Infinity, -1, 0, 0.5, -0.001, 2 ** 53, Number.MAX_VALUE, 1e21),
    fc.integer({ min: -1000, max: 0 }),
    fc.constantFrom(...existingIds, 10_000_000),
  );
  const strings = fc.oneof(fc.constantFrom("", "  ", HUGE, "1", "NaN", "null"), fc.string({ maxLength: 30 }));
  const nested = fc.oneof(
    fc.constant({ nested: { deeper: { deepest: [1, [2, [3]]] } } }),
    fc.array(fc.record({ variantId: numbers, quantity: numbers, counted: numbers }, { requiredKeys: [] }), {
      maxLength: 3,
    }),
  );
  return fc.oneof(
    numbers,
    strings,
    nested,
    fc.constantFrom(null, true, false, [], {}, new Date(Number.NaN)),
    fc.anything().filter((value) => typeof value !== "number"),
  );
}

/** Objects with the schema's own keys (any subset) holding wrong values, plus arbitrary values and nesting. */
function malformed(schemas: z.ZodType[]): fc.Arbitrary<unknown> {
  const keys = [
    ...new Set(schemas.flatMap((schema) => (schema instanceof z.ZodObject ? Object.keys(schema.shape) : []))),
  ];
  const shaped = fc.record(Object.fromEntries(keys.map((key) => [key, fieldValue()])), { requiredKeys: [] });
  return fc
    .oneof(
      { arbitrary: shaped, weight: 4 },
      { arbitrary: fc.anything(), weight: 2 },
      { arbitrary: shaped.map((input) => ({ input })), weight: 1 },
      { arbitrary: shaped.map((input) => [input]), weight: 1 },
      { arbitrary: fc.constantFrom(undefined, null, HUGE, Number.NaN), weight: 1 },
    )
    .filter((input) => schemas.some((schema) => !schema.safeParse(input).success));
}

describe("malformed input", () => {
  it("covers every mutation and every query that takes input", () => {
    const mutations = proceduresOf(appRouter).filter(([, procedure]) => procedure._def.type === "mutation");
    expect(mutations.length).toBeGreaterThan(0);
    for (const [path] of mutations) expect(withInput.map((entry) => entry.path)).toContain(path);
  });

  it.each(withInput)("$path ($type) answers BAD_REQUEST and writes nothing", async ({ path, schemas }) => {
    const before = await databaseFingerprint(t.db);
    await fc.assert(
      fc.asyncProperty(malformed(schemas), async (input) => {
        expect(await codeOf(callPath(admin, path, input))).toBe("BAD_REQUEST");
      }),
      { numRuns: RUNS_PER_PROCEDURE },
    );
    expect(await databaseFingerprint(t.db)).toEqual(before);
  });
});
