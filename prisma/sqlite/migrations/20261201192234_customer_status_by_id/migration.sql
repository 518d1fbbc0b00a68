-- CreateIndex
CREATE INDEX "Customer_id_status_idx" ON "Customer"("id", "status");
