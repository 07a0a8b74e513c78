/**
 * The people and things the abuse tests need, made through the app's own API where it has
 * one: two scholars of different delegations, an author with a rendering and a comment of
 * their own, a facilitator and an admin (roles set in the database), all with API tokens.
 */
import assert from "node:assert/strict";
import { plantScholars, termBySlug, type Scholar, type Sql, type TermInfo } from "@/test/support/raw-sql";
import { call } from "@/test/support/http";

export type Fixture = {
  term: TermInfo;
  scholar: Scholar;
  other: Scholar;
  author: Scholar;
  facilitator: Scholar;
  admin: Scholar;
  /** A rendering of `cso` proposed by `author`, and a comment of theirs on it. */
  renderingId: string;
  commentId: string;
  delegationId: string;
};

export async function makeFixture(baseUrl: string, sql: Sql, tag: string): Promise<Fixture> {
  const [scholar, other, author, facilitator, admin] = (await plantScholars(sql, 5, tag)) as [Scholar, Scholar, Scholar, Scholar, Scholar];
  await sql.run(`UPDATE "User" SET "role" = 'facilitator' WHERE "id" = ?`, [facilitator.id]);
  await sql.run(`UPDATE "User" SET "role" = 'admin' WHERE "id" = ?`, [admin.id]);
  const proposed = await call(baseUrl, "/api/terms/cso/renderings", {
    method: "POST",
    token: author.token,
    body: { text: `多元共${tag.length % 2 ? "治" : "建"}`, gloss: "many elements governing together", rationale: "A fixture for abuse tests." },
  });
  assert.equal(proposed.status, 201, `proposing the fixture rendering: ${proposed.text}`);
  const renderingId = (proposed.json as { id: string }).id;
  const commented = await call(baseUrl, `/api/renderings/${renderingId}/comments`, {
    method: "POST",
    token: author.token,
    body: { stance: "for", body: "A fixture comment." },
  });
  assert.equal(commented.status, 201, `commenting: ${commented.text}`);
  const commentId = (commented.json as { id: string }).id;
  return {
    term: await termBySlug(sql, "cso"),
    scholar,
    other,
    author,
    facilitator,
    admin,
    renderingId,
    commentId,
    delegationId: scholar.delegationId,
  };
}
