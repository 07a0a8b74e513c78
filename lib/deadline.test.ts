import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { timeLeft, timeLeftText } from "./deadline";
import { formatDateTime } from "./i18n/dates";

const deadline = new Date("2026-12-02T14:00:00Z");
const before = (ms: number) => new Date(deadline.getTime() - ms);
const MIN = 60_000;

describe("a consultation's deadline in words", () => {
  it("writes the deadline as every other date, in UTC, in both languages", () => {
    assert.equal(formatDateTime(deadline, "en"), "2 Dec 2026, 14:00 UTC");
    assert.equal(formatDateTime(new Date("2027-01-09T08:05:00Z"), "zh"), "2027年1月9日 08:05 UTC");
  });

  it("counts down to the two largest units, rounding up to the minute", () => {
    const left = (ms: number, locale: "en" | "zh" = "en") => timeLeftText(timeLeft(deadline, before(ms)), locale);
    assert.equal(left((2 * 1440 + 3 * 60 + 20) * MIN), "2 days 3 hours");
    assert.equal(left((1440 + 20) * MIN), "1 day");
    assert.equal(left((5 * 60 + 10) * MIN), "5 hours 10 minutes");
    assert.equal(left(61 * MIN), "1 hour 1 minute");
    assert.equal(left(30_000), "1 minute");
    assert.equal(left((2 * 1440 + 3 * 60) * MIN, "zh"), "2 天 3 小时");
    assert.equal(left(45 * MIN, "zh"), "45 分钟");
  });

  it("is closed at the deadline and after it", () => {
    assert.deepEqual(timeLeft(deadline, deadline), { closed: true, days: 0, hours: 0, minutes: 0 });
    assert.equal(timeLeftText(timeLeft(deadline, new Date(deadline.getTime() + MIN)), "en"), null);
  });
});
