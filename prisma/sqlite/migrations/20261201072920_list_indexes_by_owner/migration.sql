-- DropIndex
DROP INDEX "ServiceTicket_assigneeId_status_idx";

-- DropIndex
DROP INDEX "ServiceTicket_createdById_idx";

-- CreateIndex
CREATE INDEX "Customer_accountManagerId_createdAt_id_idx" ON "Customer"("accountManagerId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "ServiceTicket_assigneeId_status_createdAt_idx" ON "ServiceTicket"("assigneeId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "ServiceTicket_createdById_status_createdAt_idx" ON "ServiceTicket"("createdById", "status", "createdAt");

-- CreateIndex
CREATE INDEX "ServiceTicket_createdAt_idx" ON "ServiceTicket"("createdAt");
