-- DropIndex
DROP INDEX "ChurnWarning_customerId_status_idx";

-- DropIndex
DROP INDEX "ServiceTicket_customerId_idx";

-- CreateIndex
CREATE INDEX "ChurnWarning_customerId_status_createdAt_idx" ON "ChurnWarning"("customerId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "ServiceTicket_customerId_status_createdAt_idx" ON "ServiceTicket"("customerId", "status", "createdAt");
