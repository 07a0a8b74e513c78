-- AlterTable
ALTER TABLE "Decision" ADD COLUMN "ballotsDigest" TEXT;
ALTER TABLE "Decision" ADD COLUMN "frozenBallots" TEXT;

