-- AlterTable (written by hand: migrate diff redefines the table, and a redefinition inside
-- the migration's transaction, where PRAGMA foreign_keys=OFF has no effect, would cascade-delete
-- every rendering and ballot of every term)
ALTER TABLE "Term" ADD COLUMN "renderingsVersion" INTEGER NOT NULL DEFAULT 0;
