-- CreateIndex
CREATE INDEX "ServiceTicket_status_type_createdAt_idx" ON "ServiceTicket"("status", "type", "createdAt");
