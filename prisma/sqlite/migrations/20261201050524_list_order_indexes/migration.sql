-- CreateIndex
CREATE INDEX "Customer_createdAt_id_idx" ON "Customer"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Opportunity_createdAt_id_idx" ON "Opportunity"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Opportunity_assignedAt_id_idx" ON "Opportunity"("assignedAt", "id");
