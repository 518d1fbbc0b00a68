-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Order" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "number" TEXT NOT NULL,
    "customerId" INTEGER NOT NULL,
    "date" DATETIME NOT NULL,
    "address" TEXT,
    "status" INTEGER NOT NULL,
    "amount" DECIMAL NOT NULL DEFAULT 0,
    CONSTRAINT "Order_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
);
INSERT INTO "new_Order" ("address", "customerId", "date", "id", "number", "status") SELECT "address", "customerId", "date", "id", "number", "status" FROM "Order";
DROP TABLE "Order";
ALTER TABLE "new_Order" RENAME TO "Order";
-- Orders already stored get their total from their lines.
UPDATE "Order" SET "amount" = COALESCE((SELECT SUM("l"."amount") FROM "OrderLine" "l" WHERE "l"."orderId" = "Order"."id"), 0);
CREATE UNIQUE INDEX "Order_number_key" ON "Order"("number");
CREATE INDEX "Order_customerId_status_date_amount_idx" ON "Order"("customerId", "status", "date", "amount");
CREATE INDEX "Order_status_date_customerId_amount_idx" ON "Order"("status", "date", "customerId", "amount");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
