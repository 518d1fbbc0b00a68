-- CreateIndex
CREATE INDEX "ServiceTicket_status_customerId_idx" ON "ServiceTicket"("status", "customerId");
