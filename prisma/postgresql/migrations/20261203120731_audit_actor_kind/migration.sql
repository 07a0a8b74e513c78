-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN     "actorKind" TEXT NOT NULL DEFAULT 'member';


-- Entries written before actors had kinds: no actor meant a deadline passing or the command line.
UPDATE "AuditEntry" SET "actorKind" = 'system' WHERE "actorId" IS NULL AND "action" = 'term.deadline_passed';
UPDATE "AuditEntry" SET "actorKind" = 'operator' WHERE "actorId" IS NULL AND "action" <> 'term.deadline_passed';
