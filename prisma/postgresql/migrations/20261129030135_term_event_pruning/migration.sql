-- CreateTable
CREATE TABLE "TermEventPruning" (
    "id" INTEGER NOT NULL,
    "throughId" INTEGER NOT NULL DEFAULT 0,
    "prunedAt" TIMESTAMP(3),

    CONSTRAINT "TermEventPruning_pkey" PRIMARY KEY ("id")
);


-- The one row (added by hand: migrate diff writes only the table)
INSERT INTO "TermEventPruning" ("id", "throughId") VALUES (1, 0);
