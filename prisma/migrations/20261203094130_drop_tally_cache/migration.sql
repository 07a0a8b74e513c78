-- The results cache moved to the maintained tally (TallyCell, decision 012): drop its columns.
-- Written by hand: Prisma's version rebuilds the table, and inside the migration's transaction
-- dropping the old "Term" would cascade-delete every rendering and ballot of it.
ALTER TABLE "Term" DROP COLUMN "tallyCache";
ALTER TABLE "Term" DROP COLUMN "tallyCacheOf";
