-- CreateIndex
CREATE INDEX "Customer_status_level_idx" ON "Customer"("status", "level");

-- CreateIndex
CREATE INDEX "Customer_status_credit_idx" ON "Customer"("status", "credit");

-- CreateIndex
CREATE INDEX "Customer_status_satisfaction_idx" ON "Customer"("status", "satisfaction");
