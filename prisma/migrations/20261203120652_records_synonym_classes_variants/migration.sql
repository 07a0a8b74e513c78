-- AlterTable
ALTER TABLE "Decision" ADD COLUMN "regionalIds" JSONB;
ALTER TABLE "Decision" ADD COLUMN "synonymClasses" JSONB;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Term" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "headword" TEXT NOT NULL,
    "abbreviation" TEXT,
    "definition" TEXT NOT NULL DEFAULT '',
    "context" TEXT NOT NULL DEFAULT '',
    "note" TEXT NOT NULL DEFAULT '',
    "definitionTarget" TEXT NOT NULL DEFAULT '',
    "contextTarget" TEXT NOT NULL DEFAULT '',
    "noteTarget" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL DEFAULT '',
    "subjectField" TEXT NOT NULL DEFAULT '',
    "sourceLang" TEXT NOT NULL DEFAULT 'en',
    "targetLang" TEXT NOT NULL DEFAULT 'zh-Hans',
    "stage" TEXT NOT NULL DEFAULT 'draft',
    "deadline" DATETIME,
    "tallyVersion" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "renderingsVersion" INTEGER NOT NULL DEFAULT 0,
    "tallyCellsOf" INTEGER NOT NULL DEFAULT 0,
    "remindedFor" DATETIME,
    CONSTRAINT "Term_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Term" ("abbreviation", "context", "createdAt", "createdById", "deadline", "definition", "headword", "id", "remindedFor", "renderingsVersion", "slug", "source", "sourceLang", "stage", "subjectField", "tallyCellsOf", "tallyVersion", "targetLang", "updatedAt") SELECT "abbreviation", "context", "createdAt", "createdById", "deadline", "definition", "headword", "id", "remindedFor", "renderingsVersion", "slug", "source", "sourceLang", "stage", "subjectField", "tallyCellsOf", "tallyVersion", "targetLang", "updatedAt" FROM "Term";
DROP TABLE "Term";
ALTER TABLE "new_Term" RENAME TO "Term";
CREATE UNIQUE INDEX "Term_slug_key" ON "Term"("slug");
CREATE TABLE "new_Rendering" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "termId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "normalizedKey" TEXT NOT NULL,
    "traditional" TEXT NOT NULL DEFAULT '',
    "pinyin" TEXT NOT NULL DEFAULT '',
    "gloss" TEXT NOT NULL DEFAULT '',
    "rationale" TEXT NOT NULL DEFAULT '',
    "region" TEXT NOT NULL DEFAULT '',
    "synonymClass" TEXT NOT NULL DEFAULT '',
    "proposerId" TEXT,
    "proposerLabel" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'active',
    "mergedIntoId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Rendering_termId_fkey" FOREIGN KEY ("termId") REFERENCES "Term" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Rendering_proposerId_fkey" FOREIGN KEY ("proposerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Rendering" ("createdAt", "gloss", "id", "mergedIntoId", "normalizedKey", "pinyin", "proposerId", "proposerLabel", "rationale", "status", "termId", "text", "traditional", "updatedAt") SELECT "createdAt", "gloss", "id", "mergedIntoId", "normalizedKey", "pinyin", "proposerId", "proposerLabel", "rationale", "status", "termId", "text", "traditional", "updatedAt" FROM "Rendering";
DROP TABLE "Rendering";
ALTER TABLE "new_Rendering" RENAME TO "Rendering";
CREATE INDEX "Rendering_termId_status_idx" ON "Rendering"("termId", "status");
CREATE UNIQUE INDEX "Rendering_termId_normalizedKey_key" ON "Rendering"("termId", "normalizedKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

