-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AuditEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "actorId" TEXT,
    "actorKind" TEXT NOT NULL DEFAULT 'member',
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_AuditEntry" ("action", "actorId", "after", "before", "createdAt", "entityId", "entityType", "id") SELECT "action", "actorId", "after", "before", "createdAt", "entityId", "entityType", "id" FROM "AuditEntry";
DROP TABLE "AuditEntry";
ALTER TABLE "new_AuditEntry" RENAME TO "AuditEntry";
CREATE INDEX "AuditEntry_createdAt_idx" ON "AuditEntry"("createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Entries written before actors had kinds: no actor meant a deadline passing or the command line.
UPDATE "AuditEntry" SET "actorKind" = 'system' WHERE "actorId" IS NULL AND "action" = 'term.deadline_passed';
UPDATE "AuditEntry" SET "actorKind" = 'operator' WHERE "actorId" IS NULL AND "action" <> 'term.deadline_passed';
