-- CreateTable
CREATE TABLE "RoleRightRemoval" (
    "roleCode" TEXT NOT NULL,
    "permissionId" INTEGER NOT NULL,

    PRIMARY KEY ("roleCode", "permissionId")
);
