-- CreateIndex
CREATE INDEX "ChurnWarning_createdAt_id_idx" ON "ChurnWarning"("createdAt", "id");
