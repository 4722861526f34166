-- AlterTable
ALTER TABLE "Sale" ADD COLUMN     "shipping" DECIMAL(12,2) NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "StoreConfig" ADD COLUMN     "cashierMaxDiscountPercent" DECIMAL(5,2) NOT NULL DEFAULT 10;

-- CreateTable
CREATE TABLE "ParkedSale" (
    "id" SERIAL NOT NULL,
    "branchId" INTEGER NOT NULL,
    "cashierId" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "cart" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ParkedSale_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ParkedSale_branchId_createdAt_idx" ON "ParkedSale"("branchId", "createdAt");

-- AddForeignKey
ALTER TABLE "ParkedSale" ADD CONSTRAINT "ParkedSale_branchId_fkey" FOREIGN KEY ("branchId") REFERENCES "Branch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParkedSale" ADD CONSTRAINT "ParkedSale_cashierId_fkey" FOREIGN KEY ("cashierId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: CHECK constraints Prisma cannot express (see the init migration).
ALTER TABLE "Sale" ADD CONSTRAINT "Sale_shipping_check" CHECK ("shipping" >= 0);
ALTER TABLE "StoreConfig" ADD CONSTRAINT "StoreConfig_cashierMaxDiscountPercent_check"
  CHECK ("cashierMaxDiscountPercent" BETWEEN 0 AND 100);
ALTER TABLE "ParkedSale" ADD CONSTRAINT "ParkedSale_label_check" CHECK (length(btrim("label")) > 0);
