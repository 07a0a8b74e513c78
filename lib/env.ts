import path from "node:path";
import { z } from "zod";

/**
 * The only reader of process.env. Validated once; a bad value stops start-up with a
 * one-line message naming the variable instead of a stack trace.
 */
const databaseUrl = z
  .string()
  .trim()
  .refine((v) => /^(file:.+|postgres(ql)?:\/\/.+)$/.test(v), {
    message: "must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL)",
  })
  .refine((v) => !/^postgres/.test(v) || URL.canParse(v), { message: "is not a valid PostgreSQL URL" });

const optionalUrl = z.string().trim().url().optional();

const schema = z.object({
  DATABASE_URL: databaseUrl.optional(),
  DATA_DIR: z.string().trim().min(1).default("data"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  NEXTAUTH_URL: optionalUrl,
  SMTP_URL: z
    .string()
    .trim()
    .refine((v) => /^smtps?:\/\/.+/.test(v), { message: "must start with smtp:// or smtps://" })
    .optional(),
  SMTP_FROM: z.string().trim().default("Gongshang <no-reply@gongshang.local>"),
  ORCID_CLIENT_ID: z.string().trim().min(1).optional(),
  ORCID_CLIENT_SECRET: z.string().trim().min(1).optional(),
  ORCID_SANDBOX: z.enum(["true", "false"]).default("false"),
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For; 0 (no proxy): the
   * client is the connection's peer and X-Forwarded-For is ignored (lib/client-address.ts).
   */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** Days the live event log (TermEvent) keeps an event before pruning deletes it. */
  LIVE_EVENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
  /**
   * Admission of writes per process (lib/admission.ts, server/http/admission.ts): how many run
   * at once, how many more may wait, and how long one may wait before it is refused with 503.
   */
  WRITE_CONCURRENCY: z.coerce.number().int().min(1).max(10_000).default(16),
  WRITE_QUEUE: z.coerce.number().int().min(0).max(100_000).default(256),
  WRITE_QUEUE_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings mean "unset" (a common shell and .env idiom).
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export type DatabaseConfig =
  | { provider: "sqlite"; file: string }
  | { provider: "postgresql"; url: string };

/** Which database DATABASE_URL names; unset means the embedded SQLite file under DATA_DIR. */
export function databaseConfig(e: Pick<Env, "DATABASE_URL" | "DATA_DIR"> = env()): DatabaseConfig {
  const url = e.DATABASE_URL;
  if (url && /^postgres(ql)?:\/\//.test(url)) return { provider: "postgresql", url };
  const file = url ? url.replace(/^file:/, "") : path.join(e.DATA_DIR, "gongshang.db");
  return { provider: "sqlite", file: path.resolve(file) };
}

/** A URL with its password replaced, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");
}

/** See server/auth/origin.ts: the one place that writes the environment, and only when unset. */
export function setAuthUrlDefault(url: string): void {
  process.env.NEXTAUTH_URL = url;
}

/**
 * NEXTAUTH_URL as this process sees it now: set in the environment, or the default a server
 * wrote at start-up (server/auth/origin.ts) after env() was first read.
 */
export function currentAuthUrl(): string | undefined {
  return env().NEXTAUTH_URL ?? (process.env.NEXTAUTH_URL || undefined);
}

/** The port this server listens on: `next start -p` writes PORT after the environment may have been read. */
export function listeningPort(): number {
  return Number(process.env.PORT) || env().PORT;
}
