import { format, type Locale, type Messages } from "@/lib/i18n";
import { formatDateTime } from "@/lib/i18n/dates";
import { byline } from "@/lib/i18n/byline";
import type { AuditEntryView } from "@/lib/schemas/audit";

/**
 * An audit entry in words, in the reader's language: who acted (name and delegation, or the
 * operator's command line, or the system at a deadline), what they did, and what changed —
 * never an internal id or a raw code. Pure: the audit page calls it with its messages.
 */
export type AuditInWords = { who: string; what: string; details: string };

type Fields = Record<string, unknown>;
const fieldsOf = (v: unknown): Fields => (v && typeof v === "object" && !Array.isArray(v) ? (v as Fields) : {});
const text = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : null);

export function auditInWords(e: AuditEntryView, t: Messages, locale: Locale): AuditInWords {
  const a = t.audit;
  const who =
    e.actorKind === "operator"
      ? a.operator
      : e.actorKind === "system"
        ? a.system
        : e.actor
          ? byline({ name: e.actor.name, delegation: e.actor.delegation?.name ?? null, delegationZh: e.actor.delegation?.nameZh }, locale)
          : a.formerMember;
  return { who, what: actionInWords(e.action, t), details: detailsOf(e, t, locale) };
}

/** "term.stage" → "Moved the term to another stage"; an action without words is "Another change". */
function actionInWords(action: string, t: Messages): string {
  const [entity = "", verb = ""] = action.split(".");
  const own = Object.prototype.hasOwnProperty;
  const group = own.call(t.audit.actions, entity) ? (t.audit.actions as unknown as Record<string, Record<string, string>>)[entity]! : {};
  return own.call(group, verb) ? group[verb]! : t.audit.actions.other;
}

function detailsOf(e: AuditEntryView, t: Messages, locale: Locale): string {
  const d = t.audit.detail;
  const before = fieldsOf(e.before);
  const after = fieldsOf(e.after);
  const stage = (v: unknown) => (typeof v === "string" && v in t.stage ? t.stage[v as keyof typeof t.stage] : "—");
  const role = (v: unknown) => (typeof v === "string" && v in t.account.roles ? t.account.roles[v as keyof typeof t.account.roles] : "—");
  const date = (v: unknown) => (text(v) ? formatDateTime(text(v)!, locale) : "—");
  const sep = locale === "zh" ? "；" : "; ";
  const list = (xs: string[]) => xs.join(locale === "zh" ? "、" : ", ");
  const deadline = (v: unknown) => (text(v) ? format(d.deadline, { date: date(v) }) : d.deadlineRemoved);
  switch (e.action) {
    case "term.stage":
    case "term.reopen":
    case "term.deadline_passed":
    case "term.decide": {
      const moved = format(d.stage, { from: stage(before.stage), to: stage(after.stage) });
      return after.stage === "consultation" && text(after.deadline) ? `${moved}${sep}${deadline(after.deadline)}` : moved;
    }
    case "term.deadline":
      return deadline(after.deadline);
    case "term.create":
      return after.via ? d.viaImport : "";
    case "term.edit": {
      const labels = t.facilitation.term as Record<string, string>;
      return format(d.fields, { fields: list(Object.keys(after).map((k) => labels[k] ?? k)) });
    }
    case "term.import":
      return Array.isArray(after.renderings) ? format(d.renderings, { list: list(after.renderings.map(String)) }) : d.viaImport;
    case "rendering.merge":
      return format(d.merged, { ballots: text(after.ballotsChanged) ?? "0", comments: text(after.commentsMoved) ?? "0" });
    case "rendering.hide":
    case "comment.hide":
      return text(after.reason) ? format(d.reason, { reason: text(after.reason)! }) : "";
    case "user.role":
      return format(d.role, { from: role(before.role), to: role(after.role) });
    case "user.create":
    case "user.sign_up":
      return format(d.account, { email: text(after.email) ?? "—", role: role(after.role) });
    case "invite.create":
      return format(d.invite, { delegation: text(after.delegation) ?? "—", role: role(after.role), count: text(after.maxUses) ?? "1", date: date(after.expiresAt) });
    case "invite.email":
      return format(d.inviteEmail, { email: text(after.email) ?? "—", delegation: text(after.delegation) ?? "—", role: role(after.role) });
    case "invite.accept":
      return format(d.usedBy, { email: text(after.email) ?? "—" });
    case "delegation.create":
      return [text(after.name), text(after.nameZh)].filter(Boolean).join(" / ");
    case "delegation.rename": {
      const name = (f: Fields) => [text(f.name), text(f.nameZh)].filter(Boolean).join(" / ");
      return format(d.rename, { from: name(before), to: name(after) });
    }
    case "settings.update": {
      const labels = t.admin.settings as Record<string, string>;
      const changed = Object.keys(after).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]));
      const value = (v: unknown) => (v === true ? d.on : v === false ? d.off : (text(v) ?? "—"));
      // An id (the sign-up delegation's) is not for people: the setting's name says enough.
      return format(d.settings, { keys: list(changed.map((k) => (k.endsWith("Id") ? (labels[k.slice(0, -2)] ?? labels[k] ?? k) : `${labels[k] ?? k}: ${value(after[k])}`))) });
    }
    default:
      return "";
  }
}
