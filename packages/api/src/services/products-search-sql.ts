// The two queries behind register search. Words come out of the database's own folding functions
// (migration *_product_search_words), so a typed word and a product's words are always split and folded alike.
import { Prisma, type Db } from "@pos/db";

/**
 * A typo'd word keeps the dictionary words this close to it (trigram similarity): "zapatila" → "zapatillas"
 * scores 0.54, "remra" → "remera" 0.44, "mujr" → "mujer" 0.38, and even short words with a letter missing
 * ("dy" → "dry") reach 0.17, while a word that is not in the catalog ("qwxz", "zzzz") stays near 0.1 or below.
 */
const MIN_TYPO_SIMILARITY = 0.15;
/** …and only those near the best one, so "remra" becomes "remera" and not also "retro" (0.20). */
const TYPO_SIMILARITY_SPREAD = 0.15;
const MAX_TYPO_CANDIDATES = 3;
/** A one-letter prefix may match many words; more than this and the cashier has not typed enough anyway. */
const MAX_PREFIX_CANDIDATES = 100;
/**
 * The broad ways of matching (every word typed exactly, prefixes and typos, SKU prefix) each bring at most this
 * many products to the ranking. On a catalog with few distinct words "zapatillas skate" matches 2 300 of 100 000
 * products; ranking all of them means reading all of them (20–130 ms measured on a busy server), a sample of
 * 200 about 3 ms. Exact names and SKUs are never sampled, and "every word exact" has its own sample, so a
 * better match is not crowded out by looser ones; only the order by name is within the sample.
 */
const RANKED_PER_MATCH_KIND = 200;

export interface TypedWord {
  /** The folded word as typed. */
  typed: string;
  /** Dictionary words it may stand for: those it is a prefix of, else its nearest spellings; empty if none. */
  candidates: string[];
}

/** One indexed lookup per typed word in the small dictionary table, all in one round trip. */
export async function typedWordCandidates(db: Db, q: string): Promise<TypedWord[]> {
  return db.$queryRaw<TypedWord[]>`
    SELECT t.typed, coalesce(
      (SELECT array_agg(word ORDER BY word) FROM (
         SELECT word FROM "SearchWord" WHERE word LIKE t.typed || '%' ORDER BY word LIMIT ${MAX_PREFIX_CANDIDATES}
       ) AS prefixed),
      (SELECT array_agg(word ORDER BY score DESC, word) FROM (
         SELECT word, score, max(score) OVER () AS best FROM (
           SELECT word, similarity(word, t.typed) AS score FROM "SearchWord"
            ORDER BY word <-> t.typed LIMIT ${MAX_TYPO_CANDIDATES}
         ) AS nearest
       ) AS close
       WHERE score >= ${MIN_TYPO_SIMILARITY} AND score >= best - ${TYPO_SIMILARITY_SPREAD}),
      '{}') AS candidates
    FROM (SELECT DISTINCT unnest(search_words(${q})) AS typed) AS t`;
}

/** SKUs hold a digit; a digit-less word is a name, and as a SKU prefix ("REM") would match a whole category. */
function skuPrefixPattern(q: string): string | null {
  if (/\s/.test(q) || !/\d/.test(q)) return null;
  return `${q.toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface RankQuery {
  q: string;
  words: TypedWord[];
  includeInactive: boolean;
  limit: number;
}

const PRODUCT_COLUMNS = Prisma.sql`p.id, p.name, p."searchWords"`;

/** Hits that are never sampled: the SKU typed exactly and the name typed exactly (both unique or nearly). */
function exactMatches(q: string, words: TypedWord[], onlyActive: Prisma.Sql): Prisma.Sql[] {
  const sku = Prisma.sql`SELECT ${PRODUCT_COLUMNS} FROM "Variant" v JOIN "Product" p ON p.id = v."productId"
                          WHERE v.sku = upper(${q}) ${onlyActive}`;
  // Input without a single word ("¿?") would otherwise match, as an exact name, every name without one.
  if (words.length === 0) return [sku];
  const name = Prisma.sql`SELECT ${PRODUCT_COLUMNS} FROM "Product" p
                           WHERE p."searchName" = search_name(${q}) ${onlyActive}`;
  return [sku, name];
}

/** Looser matches, each read only up to RANKED_PER_MATCH_KIND rows. */
function sampledMatches(q: string, words: TypedWord[], onlyActive: Prisma.Sql): Prisma.Sql[] {
  const samples: Prisma.Sql[] = [];
  // Every word must match, so a word without candidates leaves only the SKU prefix.
  if (words.length > 0 && words.every((word) => word.candidates.length > 0)) {
    const typed = words.map((word) => word.typed);
    samples.push(Prisma.sql`SELECT ${PRODUCT_COLUMNS} FROM "Product" p
                             WHERE p."searchWords" @> ${typed}::text[] ${onlyActive}`);
    // Unless every word stands only for itself, when this would select the same rows again.
    if (words.some((word) => word.candidates.length !== 1 || word.candidates[0] !== word.typed)) {
      const everyWord = words.map((word) => Prisma.sql`p."searchWords" && ${word.candidates}::text[]`);
      samples.push(Prisma.sql`SELECT ${PRODUCT_COLUMNS} FROM "Product" p
                               WHERE ${Prisma.join(everyWord, " AND ")} ${onlyActive}`);
    }
  }
  const skuPrefix = skuPrefixPattern(q);
  if (skuPrefix) {
    samples.push(Prisma.sql`SELECT ${PRODUCT_COLUMNS} FROM "Variant" v JOIN "Product" p ON p.id = v."productId"
                             WHERE v.sku LIKE ${skuPrefix} ${onlyActive}`);
  }
  return samples;
}

/**
 * Products matching every typed word (each through any of its candidates), plus exact name and SKU hits,
 * ranked: exact name or SKU first, then more words typed exactly, then by name.
 */
export async function rankedProductIds(db: Db, query: RankQuery): Promise<number[]> {
  const { q, words } = query;
  const onlyActive = query.includeInactive ? Prisma.empty : Prisma.sql`AND p.active`;
  const exact = exactMatches(q, words, onlyActive);
  const samples = sampledMatches(q, words, onlyActive);
  // Seeing LIMIT 200, the planner picks a sequential scan whenever it expects matches to be dense. With two
  // or more words it multiplies their frequencies as if independent, so "mujer hombre" looks like a tenth of
  // the catalog and it would read all 100 000 products to find the 200 that do not exist (170 ms). Planned
  // apart from the LIMIT (MATERIALIZED, still read lazily), such a sample always goes through the index
  // (2 ms). One word's frequency is known, so it keeps the planner's choice.
  const fence = words.length > 1 ? Prisma.sql`MATERIALIZED` : Prisma.sql`NOT MATERIALIZED`;
  const sampleName = (i: number) => Prisma.raw(`sample_${i}`);
  const ctes = samples.map((sample, i) => Prisma.sql`${sampleName(i)} AS ${fence} (${sample})`);
  const branches = [
    ...exact.map((hit) => Prisma.sql`(SELECT *, true AS exact FROM (${hit}) AS hit)`),
    ...samples.map((_, i) => Prisma.sql`(SELECT *, false FROM ${sampleName(i)} LIMIT ${RANKED_PER_MATCH_KIND})`),
  ];
  const typed = words.map((word) => word.typed);
  const rows = await db.$queryRaw<{ id: number }[]>`
    WITH ${Prisma.join([...ctes, Prisma.sql`matched AS (${Prisma.join(branches, " UNION ")})`])}
    SELECT id FROM matched
     GROUP BY id, name, "searchWords"
     ORDER BY bool_or(exact) DESC,
              (SELECT count(*) FROM unnest(${typed}::text[]) AS w WHERE w = ANY("searchWords")) DESC,
              name, id
     LIMIT ${query.limit}`;
  return rows.map((row) => row.id);
}
