-- AlterTable
ALTER TABLE "Term" ADD COLUMN "tallyCellsOf" INTEGER NOT NULL DEFAULT 0;
-- Terms that already have ballots have no maintained tally yet: stale until the app rebuilds it.
UPDATE "Term" SET "tallyCellsOf" = -1 WHERE EXISTS (SELECT 1 FROM "Ballot" WHERE "Ballot"."termId" = "Term"."id");

-- CreateTable
CREATE TABLE "TallyCell" (
    "termId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "delegation" TEXT NOT NULL,
    "a" TEXT NOT NULL,
    "b" TEXT NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "n" INTEGER NOT NULL,

    CONSTRAINT "TallyCell_pkey" PRIMARY KEY ("termId","kind","delegation","a","b")
);

-- AddForeignKey
ALTER TABLE "TallyCell" ADD CONSTRAINT "TallyCell_termId_fkey" FOREIGN KEY ("termId") REFERENCES "Term"("id") ON DELETE CASCADE ON UPDATE CASCADE;

