-- DropIndex
DROP INDEX "Opportunity_customerName_idx";

-- DropIndex
DROP INDEX "ServiceTicket_summary_idx";

-- CreateIndex
CREATE INDEX "Opportunity_status_customerName_idx" ON "Opportunity"("status", "customerName");

-- CreateIndex
CREATE INDEX "ServiceTicket_status_summary_idx" ON "ServiceTicket"("status", "summary");
