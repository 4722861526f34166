-- CreateEnum
CREATE TYPE "LoginThrottleKind" AS ENUM ('ACCOUNT', 'IP');

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "kind" "LoginThrottleKind" NOT NULL,
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastFailureAt" TIMESTAMP(3) NOT NULL,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("kind","key")
);

-- CreateIndex
CREATE INDEX "LoginThrottle_lastFailureAt_idx" ON "LoginThrottle"("lastFailureAt");
