-- Register search by words (packages/api/src/services/products-search.ts). The first part is what
-- schema.prisma declares; the rest is hand-written: folding functions, the triggers that keep the derived
-- columns and the word dictionary current, and the backfill.

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "searchName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "searchWords" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "SearchWord" (
    "word" TEXT NOT NULL,

    CONSTRAINT "SearchWord_pkey" PRIMARY KEY ("word")
);

-- Hand-written from here on.

-- Lower case with the accents of Spanish (and its neighbours) taken off, so "remera nino" finds
-- "Remera Niño". translate() rather than the unaccent extension (available here and in embedded-postgres, but
-- STABLE, so not usable in IMMUTABLE functions) needs no extension and folds alike on every server.
CREATE FUNCTION search_fold(input text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT translate(lower(input), 'áàäâãåéèëêíìïîóòöôõúùüûñçý', 'aaaaaaeeeeiiiiooooouuuuncy') $$;

-- A text as search compares it: folded, anything that is not a letter or a digit turned into one space
-- (so words never hold LIKE wildcards), trimmed. "Remera  Niño (M)" → "remera nino m". Letters beyond the list
-- above count as letters where the server's locale says so (C.UTF-8 does); under plain C they separate words.
CREATE FUNCTION search_name(input text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT trim(regexp_replace(search_fold(input), '[^[:alnum:]]+', ' ', 'g')) $$;

-- Its words. Repeats are kept: the GIN index and the && / @> operators ignore them, and not sorting keeps
-- these plain SQL functions inlinable, which the row trigger (run per product by the large seed) needs.
CREATE FUNCTION search_words(input text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT string_to_array(search_name(input), ' ') $$;

-- Backfill before the indexes exist (one pass, then one index build) and before the triggers (so they do not
-- run 100 000 times on a large catalog).
UPDATE "Product" SET "searchName" = search_name(name), "searchWords" = search_words(name || ' ' || brand);
INSERT INTO "SearchWord" (word) SELECT DISTINCT unnest("searchWords") FROM "Product" ON CONFLICT DO NOTHING;

-- CreateIndex
CREATE INDEX "SearchWord_word_trgm_idx" ON "SearchWord" USING GIST ("word" gist_trgm_ops);

-- CreateIndex
CREATE INDEX "Product_searchName_idx" ON "Product"("searchName");

-- CreateIndex
CREATE INDEX "Product_searchWords_idx" ON "Product" USING GIN ("searchWords");

-- The derived columns follow name and brand. Listing them in UPDATE OF too means a stray write to them is
-- recomputed instead of kept.
CREATE FUNCTION product_search_fields() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchName" := search_name(NEW.name);
  NEW."searchWords" := search_words(NEW.name || ' ' || NEW.brand);
  RETURN NEW;
END $$;

CREATE TRIGGER product_search_fields
  BEFORE INSERT OR UPDATE OF name, brand, "searchName", "searchWords" ON "Product"
  FOR EACH ROW EXECUTE FUNCTION product_search_fields();

-- New words reach the dictionary once per statement (a COPY of a whole catalog is one insert here, not one
-- per product). Words are never removed: a word no product has any more only costs a wasted candidate.
CREATE FUNCTION search_words_learn() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "SearchWord" (word)
    SELECT DISTINCT unnest("searchWords") FROM changed_products
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

-- Transition tables allow one event per trigger, hence two.
CREATE TRIGGER product_search_words_insert
  AFTER INSERT ON "Product" REFERENCING NEW TABLE AS changed_products
  FOR EACH STATEMENT EXECUTE FUNCTION search_words_learn();
CREATE TRIGGER product_search_words_update
  AFTER UPDATE ON "Product" REFERENCING NEW TABLE AS changed_products
  FOR EACH STATEMENT EXECUTE FUNCTION search_words_learn();

-- ALWAYS: the seed loads with session_replication_role = replica (prisma/seed/run.ts) to skip foreign-key
-- triggers, which would skip ordinary triggers too and leave the seeded catalog unsearchable.
ALTER TABLE "Product" ENABLE ALWAYS TRIGGER product_search_fields;
ALTER TABLE "Product" ENABLE ALWAYS TRIGGER product_search_words_insert;
ALTER TABLE "Product" ENABLE ALWAYS TRIGGER product_search_words_update;
