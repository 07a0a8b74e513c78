-- AlterTable
ALTER TABLE "Term" DROP COLUMN "tallyCache",
DROP COLUMN "tallyCacheOf";

