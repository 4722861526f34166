-- CreateTable
CREATE TABLE "ReportRollupDay" (
    "day" DATE NOT NULL,
    "builtAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportRollupDay_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "ReportRollupStale" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportRollupStale_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportDaySales" (
    "id" SERIAL NOT NULL,
    "day" DATE NOT NULL,
    "branchId" INTEGER NOT NULL,
    "channel" "SaleChannel" NOT NULL,
    "cashierId" INTEGER,
    "tickets" INTEGER NOT NULL,
    "total" DECIMAL(16,2) NOT NULL,
    "units" INTEGER NOT NULL,
    "margin" DECIMAL(16,2) NOT NULL,

    CONSTRAINT "ReportDaySales_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportDayPayments" (
    "day" DATE NOT NULL,
    "branchId" INTEGER NOT NULL,
    "method" "PaymentType" NOT NULL,
    "payments" INTEGER NOT NULL,
    "amount" DECIMAL(16,2) NOT NULL,

    CONSTRAINT "ReportDayPayments_pkey" PRIMARY KEY ("day","branchId","method")
);

-- CreateTable
CREATE TABLE "ReportDayReturns" (
    "day" DATE NOT NULL,
    "branchId" INTEGER NOT NULL,
    "method" "PaymentType" NOT NULL,
    "refunds" DECIMAL(16,2) NOT NULL,
    "units" INTEGER NOT NULL,
    "margin" DECIMAL(16,2) NOT NULL,

    CONSTRAINT "ReportDayReturns_pkey" PRIMARY KEY ("day","branchId","method")
);

-- CreateTable
CREATE TABLE "ReportDayProducts" (
    "day" DATE NOT NULL,
    "branchId" INTEGER NOT NULL,
    "productId" INTEGER NOT NULL,
    "units" INTEGER NOT NULL,
    "revenue" DECIMAL(16,2) NOT NULL,
    "margin" DECIMAL(16,2) NOT NULL,

    CONSTRAINT "ReportDayProducts_pkey" PRIMARY KEY ("day","branchId","productId")
);

-- CreateTable
CREATE TABLE "ReportDayCategories" (
    "day" DATE NOT NULL,
    "branchId" INTEGER NOT NULL,
    "categoryId" INTEGER NOT NULL,
    "units" INTEGER NOT NULL,
    "revenue" DECIMAL(16,2) NOT NULL,
    "margin" DECIMAL(16,2) NOT NULL,

    CONSTRAINT "ReportDayCategories_pkey" PRIMARY KEY ("day","branchId","categoryId")
);

-- CreateIndex
CREATE INDEX "ReportRollupStale_day_idx" ON "ReportRollupStale"("day");

-- CreateIndex
CREATE INDEX "ReportDaySales_day_branchId_idx" ON "ReportDaySales"("day", "branchId");

-- CreateIndex
CREATE INDEX "ReportDayProducts_productId_day_idx" ON "ReportDayProducts"("productId", "day");

-- Hand-written: flagging late writes to closed days for the report rollups (Prisma's differ ignores functions
-- and triggers). The reports (packages/api/src/services/reports/rollups.ts) roll up a store-zone day once it is
-- closed; any later write that changes a figure of that day adds a row to "ReportRollupStale", in the writer's
-- own transaction, so the day is read live until it is rebuilt. The write paths stay unaware of rollups.
-- Cost on the hot path: a sale made today fails its trigger's WHEN test and runs no function (no measurable
-- difference over 3,000 sales); its lines and payments, always inserted with it, need no trigger of their own.
-- Append-only flags: a trigger never updates or deletes, so it never waits on, or conflicts with, a rebuild.
-- The zone is STORE_TIME_ZONE of packages/api/src/services/z-report.ts: change both together.

-- Midnight starting the store's today, as the UTC wall-clock timestamp "createdAt" columns hold.
CREATE FUNCTION "report_today_starts"() RETURNS timestamp(3) LANGUAGE sql STABLE AS $$
  SELECT (date_trunc('day', now() AT TIME ZONE 'America/Argentina/Buenos_Aires')
          AT TIME ZONE 'America/Argentina/Buenos_Aires') AT TIME ZONE 'UTC'
$$;

-- Flags the store day of a "createdAt" if that day is already closed.
CREATE FUNCTION "report_flag_day"("at" timestamp(3)) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "ReportRollupStale" ("day")
  SELECT (("at" AT TIME ZONE 'UTC') AT TIME ZONE 'America/Argentina/Buenos_Aires')::date
   WHERE "at" < "report_today_starts"()
$$;

-- "Sale" and "Return" rows carry their own day: the old one and the new one of an update both change.
CREATE FUNCTION "report_dated_row_written"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM "report_flag_day"(OLD."createdAt"); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM "report_flag_day"(NEW."createdAt"); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Sale_report_insert" AFTER INSERT ON "Sale" FOR EACH ROW
  WHEN (NEW."createdAt" < "report_today_starts"()) EXECUTE FUNCTION "report_dated_row_written"();
CREATE TRIGGER "Sale_report_update"
  AFTER UPDATE OF "status", "createdAt", "branchId", "channel", "cashierId", "total" ON "Sale" FOR EACH ROW
  WHEN ((OLD."createdAt" < "report_today_starts"() OR NEW."createdAt" < "report_today_starts"())
    AND (OLD."status", OLD."createdAt", OLD."branchId", OLD."channel", OLD."cashierId", OLD."total")
        IS DISTINCT FROM (NEW."status", NEW."createdAt", NEW."branchId", NEW."channel", NEW."cashierId", NEW."total"))
  EXECUTE FUNCTION "report_dated_row_written"();
CREATE TRIGGER "Sale_report_delete" AFTER DELETE ON "Sale" FOR EACH ROW
  WHEN (OLD."createdAt" < "report_today_starts"()) EXECUTE FUNCTION "report_dated_row_written"();

CREATE TRIGGER "Return_report_insert" AFTER INSERT ON "Return" FOR EACH ROW
  WHEN (NEW."createdAt" < "report_today_starts"()) EXECUTE FUNCTION "report_dated_row_written"();
CREATE TRIGGER "Return_report_update"
  AFTER UPDATE OF "createdAt", "branchId", "refundAmount", "refundMethod" ON "Return" FOR EACH ROW
  WHEN ((OLD."createdAt" < "report_today_starts"() OR NEW."createdAt" < "report_today_starts"())
    AND (OLD."createdAt", OLD."branchId", OLD."refundAmount", OLD."refundMethod")
        IS DISTINCT FROM (NEW."createdAt", NEW."branchId", NEW."refundAmount", NEW."refundMethod"))
  EXECUTE FUNCTION "report_dated_row_written"();
CREATE TRIGGER "Return_report_delete" AFTER DELETE ON "Return" FOR EACH ROW
  WHEN (OLD."createdAt" < "report_today_starts"()) EXECUTE FUNCTION "report_dated_row_written"();

-- Lines and payments take their sale's day, returned lines their return's. They are inserted together with
-- their sale (one statement on the register's path), whose own trigger has flagged the day by then; so only a
-- change or removal afterwards (no app path does it; imports and fixes might) is caught here, and returned
-- lines, off the hot path, on insert too. A sale line's cost also enters the margin of the returns of that
-- line, on their own days.
CREATE FUNCTION "report_part_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  row_before jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
  row_after jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
BEGIN
  IF TG_TABLE_NAME = 'ReturnItem' THEN
    PERFORM "report_flag_day"(r."createdAt") FROM "Return" r
      WHERE r.id IN ((row_before->>'returnId')::int, (row_after->>'returnId')::int);
    RETURN NULL;
  END IF;
  PERFORM "report_flag_day"(s."createdAt") FROM "Sale" s
    WHERE s.id IN ((row_before->>'saleId')::int, (row_after->>'saleId')::int);
  IF TG_TABLE_NAME = 'SaleItem' THEN
    PERFORM "report_flag_day"(r."createdAt")
       FROM "ReturnItem" ri JOIN "Return" r ON r.id = ri."returnId"
      WHERE ri."saleItemId" = (row_before->>'id')::int;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "SaleItem_report_change" AFTER UPDATE OR DELETE ON "SaleItem" FOR EACH ROW
  EXECUTE FUNCTION "report_part_changed"();
CREATE TRIGGER "Payment_report_change" AFTER UPDATE OR DELETE ON "Payment" FOR EACH ROW
  EXECUTE FUNCTION "report_part_changed"();
CREATE TRIGGER "ReturnItem_report_change" AFTER INSERT OR UPDATE OR DELETE ON "ReturnItem" FOR EACH ROW
  EXECUTE FUNCTION "report_part_changed"();

-- Products and categories in the rollups are the catalog's when the day was built: moving a variant to another
-- product, or a product to another category, flags every closed day its lines sold on.
CREATE FUNCTION "report_catalog_moved"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "report_flag_day"(s."createdAt")
     FROM "SaleItem" i JOIN "Sale" s ON s.id = i."saleId"
    WHERE i."variantId" IN (SELECT v.id FROM "Variant" v
                             WHERE (TG_TABLE_NAME = 'Variant' AND v.id = NEW.id)
                                OR (TG_TABLE_NAME = 'Product' AND v."productId" = NEW.id))
      AND s."createdAt" < "report_today_starts"();
  RETURN NULL;
END $$;

CREATE TRIGGER "Product_report_category" AFTER UPDATE OF "categoryId" ON "Product" FOR EACH ROW
  WHEN (OLD."categoryId" IS DISTINCT FROM NEW."categoryId") EXECUTE FUNCTION "report_catalog_moved"();
CREATE TRIGGER "Variant_report_product" AFTER UPDATE OF "productId" ON "Variant" FOR EACH ROW
  WHEN (OLD."productId" IS DISTINCT FROM NEW."productId") EXECUTE FUNCTION "report_catalog_moved"();
