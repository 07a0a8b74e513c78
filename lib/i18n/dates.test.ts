import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatDate, formatDateTime } from "./dates";

describe("dates, one format per language", () => {
  it("writes the day as 2 Dec 2026 in English and 2026年12月2日 in Chinese", () => {
    assert.equal(formatDate("2026-12-02T14:05:00Z", "en"), "2 Dec 2026");
    assert.equal(formatDate("2026-12-02T14:05:00Z", "zh"), "2026年12月2日");
    // Never 02/12/2026 or 12/02/2026: the month is a word (English) or 月 (Chinese).
    assert.equal(formatDate(new Date(Date.UTC(2026, 1, 12)), "en"), "12 Feb 2026");
    assert.equal(formatDate(new Date(Date.UTC(2026, 1, 12)), "zh"), "2026年2月12日");
  });

  it("adds the time with the zone said: 2 Dec 2026, 14:05 UTC / 2026年12月2日 14:05 UTC", () => {
    assert.equal(formatDateTime("2026-12-02T14:05:59Z", "en"), "2 Dec 2026, 14:05 UTC");
    assert.equal(formatDateTime("2026-12-02T14:05:59Z", "zh"), "2026年12月2日 14:05 UTC");
    assert.equal(formatDateTime("2026-03-04T00:00:00Z", "en"), "4 Mar 2026, 00:00 UTC");
  });

  it("reads every instant in UTC, whatever the offset it was written with", () => {
    // 06:30 in Beijing on 1 January is still 31 December, 22:30 UTC.
    assert.equal(formatDateTime("2027-01-01T06:30:00+08:00", "en"), "31 Dec 2026, 22:30 UTC");
    assert.equal(formatDate("2027-01-01T06:30:00+08:00", "zh"), "2026年12月31日");
    // 20:00 in Ottawa on 31 December is already the new year in UTC.
    assert.equal(formatDateTime("2026-12-31T20:00:00-05:00", "zh"), "2027年1月1日 01:00 UTC");
  });

  it("keeps year boundaries, leap days and all twelve months", () => {
    assert.equal(formatDateTime("2026-12-31T23:59:00Z", "en"), "31 Dec 2026, 23:59 UTC");
    assert.equal(formatDateTime("2027-01-01T00:00:00Z", "en"), "1 Jan 2027, 00:00 UTC");
    assert.equal(formatDate("2028-02-29T12:00:00Z", "en"), "29 Feb 2028");
    const months = Array.from({ length: 12 }, (_, m) => formatDate(new Date(Date.UTC(2026, m, 15)), "en").split(" ")[1]);
    assert.deepEqual(months, ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]);
  });

  it("takes dates, ISO strings and timestamps alike, and refuses what is not a date", () => {
    const at = Date.UTC(2026, 11, 2, 14, 5);
    assert.equal(formatDate(at, "en"), formatDate(new Date(at), "en"));
    assert.equal(formatDate(new Date(at).toISOString(), "zh"), "2026年12月2日");
    assert.throws(() => formatDate("tomorrow", "en"), RangeError);
  });
});
