-- DropIndex
DROP INDEX "Opportunity_customerId_key";

-- CreateIndex
CREATE INDEX "Opportunity_customerId_idx" ON "Opportunity"("customerId");
