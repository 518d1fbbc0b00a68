-- CreateTable
CREATE TABLE "CustomerNamePiece" (
    "piece" TEXT NOT NULL,
    "customerId" INTEGER NOT NULL,

    PRIMARY KEY ("piece", "customerId"),
    CONSTRAINT "CustomerNamePiece_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
);

-- CreateIndex
CREATE INDEX "CustomerNamePiece_customerId_idx" ON "CustomerNamePiece"("customerId");
