-- CreateIndex
CREATE INDEX "Customer_status_name_idx" ON "Customer"("status", "name");
