-- CreateTable
CREATE TABLE "TermEventPruning" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "throughId" INTEGER NOT NULL DEFAULT 0,
    "prunedAt" DATETIME
);


-- The one row (added by hand: migrate diff writes only the table)
INSERT INTO "TermEventPruning" ("id", "throughId") VALUES (1, 0);
