-- AlterTable
ALTER TABLE "Term" ADD COLUMN     "renderingsVersion" INTEGER NOT NULL DEFAULT 0;

