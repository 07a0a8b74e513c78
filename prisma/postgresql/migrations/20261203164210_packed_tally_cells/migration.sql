-- AlterTable
ALTER TABLE "Term" ADD COLUMN     "tallyLayout" TEXT NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "TallyCell" ADD COLUMN     "counts" TEXT NOT NULL DEFAULT '',
ALTER COLUMN "n" SET DEFAULT 0;


-- The cells are kept in a new shape: drop the old ones; each term rebuilds its cells when next read or graded.
DELETE FROM "TallyCell";
UPDATE "Term" SET "tallyCellsOf" = -1;
