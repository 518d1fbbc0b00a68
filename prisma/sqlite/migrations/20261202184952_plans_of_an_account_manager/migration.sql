-- CreateIndex
CREATE INDEX "Opportunity_assigneeId_assignedAt_id_idx" ON "Opportunity"("assigneeId", "assignedAt", "id");
