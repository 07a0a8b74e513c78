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
    "tallyLayout" TEXT NOT NULL DEFAULT '[]',
    "remindedFor" DATETIME,
    CONSTRAINT "Term_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Term" ("abbreviation", "context", "contextTarget", "createdAt", "createdById", "deadline", "definition", "definitionTarget", "headword", "id", "note", "noteTarget", "remindedFor", "renderingsVersion", "slug", "source", "sourceLang", "stage", "subjectField", "tallyCellsOf", "tallyVersion", "targetLang", "updatedAt") SELECT "abbreviation", "context", "contextTarget", "createdAt", "createdById", "deadline", "definition", "definitionTarget", "headword", "id", "note", "noteTarget", "remindedFor", "renderingsVersion", "slug", "source", "sourceLang", "stage", "subjectField", "tallyCellsOf", "tallyVersion", "targetLang", "updatedAt" FROM "Term";
DROP TABLE "Term";
ALTER TABLE "new_Term" RENAME TO "Term";
CREATE UNIQUE INDEX "Term_slug_key" ON "Term"("slug");
CREATE TABLE "new_TallyCell" (
    "termId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "delegation" TEXT NOT NULL,
    "a" TEXT NOT NULL,
    "b" TEXT NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "n" INTEGER NOT NULL DEFAULT 0,
    "counts" TEXT NOT NULL DEFAULT '',

    PRIMARY KEY ("termId", "kind", "delegation", "a", "b"),
    CONSTRAINT "TallyCell_termId_fkey" FOREIGN KEY ("termId") REFERENCES "Term" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_TallyCell" ("a", "b", "delegation", "kind", "n", "termId", "text") SELECT "a", "b", "delegation", "kind", "n", "termId", "text" FROM "TallyCell";
DROP TABLE "TallyCell";
ALTER TABLE "new_TallyCell" RENAME TO "TallyCell";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- The cells are kept in a new shape: drop the old ones; each term rebuilds its cells when next read or graded.
DELETE FROM "TallyCell";
UPDATE "Term" SET "tallyCellsOf" = -1;
