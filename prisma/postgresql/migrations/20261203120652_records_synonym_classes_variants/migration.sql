-- AlterTable
ALTER TABLE "Term" ADD COLUMN     "contextTarget" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "definitionTarget" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "note" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "noteTarget" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Rendering" ADD COLUMN     "region" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "synonymClass" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "regionalIds" JSONB,
ADD COLUMN     "synonymClasses" JSONB;

