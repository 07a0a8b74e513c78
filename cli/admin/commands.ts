import { z } from "zod";
import { isAppError } from "@/lib/errors";
import { MESSAGES } from "@/lib/i18n";
import { codeText, errorTexts } from "@/lib/i18n/codes";
import { fieldErrorsOf } from "@/lib/validation";
import { ROLES, type Role } from "@/lib/permissions";
import { emailSchema, nameSchema, passwordSchema } from "@/lib/schemas/account";
import { inviteInputSchema } from "@/lib/schemas/invite";
import { db } from "@/server/db/client";
import { createApiToken } from "@/server/auth/api-tokens";
import { applyDisabled, applyPassword, applyRole, createMember, listAllMembers } from "@/server/membership/members";
import { issueInvite } from "@/server/membership/invites";
import { cliSiteUrl, inviteUrl } from "@/server/site/url";
import { importCommand } from "./import";

/**
 * The operator's commands. The operator holds the database, hence every right: these call the
 * services' actions directly (after the same validation), and audit entries carry no actor.
 */

export type Options = Record<string, string | undefined>;
export type Io = { out: (line: string) => void; readSecret: () => Promise<string> };

/** Field codes in English, for the operator. */
function english(fields: Record<string, string[]>): string {
  const texts = errorTexts(MESSAGES.en);
  return Object.values(fields)
    .flat()
    .map((code) => codeText(texts, code))
    .join(" ");
}

/** A refusal the operator can act on: printed as one line, exit status 1 (2 for usage errors). */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

function need(options: Options, name: string): string {
  const value = options[name];
  if (value === undefined || value === "") throw new CommandError(`--${name} is required`, 2);
  return value;
}

function check<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CommandError(`${what}: ${english(fieldErrorsOf(parsed.error))}`, 2);
  return parsed.data;
}

const roleSchema = z.enum(ROLES, { error: `the role must be one of ${ROLES.join(", ")}` });

async function delegationNamed(name: string) {
  const all = await db().delegation.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }] });
  const wanted = name.trim().toLowerCase();
  const found = all.find((d) => d.name.toLowerCase() === wanted || d.nameZh === name.trim());
  if (!found) {
    const valid = all.map((d) => d.name).join(", ") || "(none)";
    throw new CommandError(`there is no delegation "${name}". Valid delegations: ${valid}`);
  }
  return found;
}

async function memberByEmail(raw: string) {
  const email = check(emailSchema, raw, "--email");
  const user = await db().user.findUnique({ where: { email } });
  if (!user) throw new CommandError(`there is no member with the email ${email} (see list-users)`);
  return user;
}

async function createUser(o: Options, io: Io) {
  const email = check(emailSchema, need(o, "email"), "--email");
  const name = check(nameSchema, need(o, "name"), "--name");
  const role: Role = check(roleSchema, o.role ?? "scholar", "--role");
  const delegation = await delegationNamed(need(o, "delegation"));
  const given = o.password === "-" ? await io.readSecret() : o.password;
  const password = given === undefined ? null : check(passwordSchema, given, "--password");
  const user = await createMember({ email, name, password }, { delegationId: delegation.id, role }, null);
  io.out(`Created ${user.role} ${user.email} (${user.name}) in the ${delegation.name} delegation.`);
  if (!password) io.out("No password set: they sign in with an email link (SMTP_URL) or ORCID, and may then set one on their profile page.");
}

async function createToken(o: Options, io: Io) {
  const user = await memberByEmail(need(o, "email"));
  if (user.disabledAt) throw new CommandError(`${user.email} is disabled; enable the account first`);
  const label = (o.label ?? "").trim();
  const { token } = await createApiToken(user.id, label || "admin CLI");
  io.out(`API token for ${user.email} (${user.role})${label ? `, "${label}"` : ""}. It is shown once; send it as "Authorization: Bearer <token>":`);
  io.out(token);
}

async function invite(o: Options, io: Io) {
  const delegation = await delegationNamed(need(o, "delegation"));
  const input = check(inviteInputSchema, { delegationId: delegation.id, role: o.role, maxUses: o.uses, days: o.days }, "invite");
  const { token, invite } = await issueInvite(input, null);
  io.out(
    `Invitation to the ${delegation.name} delegation as ${invite.role}, for ${invite.maxUses} account(s), valid until ${invite.expiresAt}:`,
  );
  io.out(inviteUrl(await cliSiteUrl(), token));
}

async function listUsers(_o: Options, io: Io) {
  const members = await listAllMembers();
  if (members.length === 0) {
    io.out("No members yet. Create the first admin with create-user --role admin.");
    return;
  }
  const rows = [["EMAIL", "NAME", "ROLE", "DELEGATION", "STATUS"], ...members.map((m) => [m.email, m.name, m.role, m.delegation ?? "-", m.disabled ? "disabled" : "active"])];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const r of rows) io.out(r.map((cell, c) => cell.padEnd(widths[c]!)).join("  ").trimEnd());
}

async function setRole(o: Options, io: Io) {
  const user = await memberByEmail(need(o, "email"));
  const role: Role = check(roleSchema, need(o, "role"), "--role");
  const { demoted } = await applyRole(user.id, role, null);
  io.out(`${user.email}: ${user.role} → ${role}${demoted ? " (their open sessions are ended)" : ""}`);
}

async function setPassword(o: Options, io: Io) {
  const user = await memberByEmail(need(o, "email"));
  const given = need(o, "password");
  const password = check(passwordSchema, given === "-" ? await io.readSecret() : given, "--password");
  await applyPassword(user.id, password, null);
  io.out(`${user.email} has a new password; their open sessions are ended.`);
}

async function setDisabled(o: Options, io: Io, disabled: boolean) {
  const user = await memberByEmail(need(o, "email"));
  await applyDisabled(user.id, disabled, null);
  io.out(disabled ? `${user.email} is disabled: their sessions and API tokens stop working at once.` : `${user.email} is enabled again.`);
}

export const COMMANDS: Record<string, (o: Options, io: Io) => Promise<void>> = {
  "create-user": createUser,
  "create-token": createToken,
  invite,
  "list-users": listUsers,
  "set-role": setRole,
  "set-password": setPassword,
  disable: (o, io) => setDisabled(o, io, true),
  enable: (o, io) => setDisabled(o, io, false),
  import: (o, io) => importCommand(o, io),
};

/** Expected refusals of the services (email taken, ...) become one-line errors. */
export function asCommandError(e: unknown): CommandError | null {
  if (e instanceof CommandError) return e;
  if (isAppError(e)) {
    const fields = english(e.details.fields ?? {});
    return new CommandError(fields || e.message);
  }
  if (e instanceof z.ZodError) return new CommandError(english(fieldErrorsOf(e)), 2);
  return null;
}
