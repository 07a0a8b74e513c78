-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "ballotsDigest" TEXT,
ADD COLUMN     "frozenBallots" TEXT;

