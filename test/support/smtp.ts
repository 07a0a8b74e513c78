import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server on the loopback interface, for the integration tests (on a port of its
 * own) and the end-to-end tests (on the port the app was started with: scripts/e2e.mjs sets
 * SMTP_URL=smtp://127.0.0.1:$E2E_SMTP_PORT). It keeps every message it receives, decoded
 * enough to read (recipients, subject, text), and hands a test the one sent to an address.
 * No imports through "@/": the Playwright tests load it too.
 */
export type Mail = { to: string[]; raw: string; subject: string; text: string };

export type TestSmtp = {
  url: string;
  port: number;
  /** Every message received so far. */
  mails: Mail[];
  /** The first message to `to`, waiting for it up to `timeoutMs`. */
  waitFor(to: string, opts?: { timeoutMs?: number }): Promise<Mail>;
  close(): Promise<void>;
};

/** The SMTP port of an end-to-end run. */
export function e2eSmtpPort(): number {
  const port = Number(process.env.E2E_SMTP_PORT);
  if (!port) throw new Error("E2E_SMTP_PORT is not set: run the e2e tests with npm run test:e2e");
  return port;
}

const unfold = (headers: string) => headers.replace(/\r?\n[ \t]+/g, " ");

function header(block: string, name: string): string {
  const m = new RegExp(`^${name}:\\s*(.*)$`, "im").exec(unfold(block));
  return m?.[1]?.trim() ?? "";
}

function decodeBody(body: string, encoding: string): string {
  const e = encoding.toLowerCase();
  if (e === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (e === "quoted-printable") {
    const bytes = body
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}

/** "=?UTF-8?B?...?=" and "=?UTF-8?Q?...?=" words of a header. */
function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, kind: string, text: string) =>
    kind.toLowerCase() === "b" ? Buffer.from(text, "base64").toString("utf8") : decodeBody(text.replace(/_/g, " "), "quoted-printable"),
  );
}

/** The text/plain part of a (possibly multipart) message, decoded. */
export function plainText(raw: string): string {
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join("\n\n");
  const type = header(head, "Content-Type");
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!boundary) return decodeBody(body, header(head, "Content-Transfer-Encoding"));
  for (const part of body.split(`--${boundary}`)) {
    const [partHead = "", ...partBody] = part.replace(/^\r?\n/, "").split(/\r?\n\r?\n/);
    const partType = header(partHead, "Content-Type");
    if (/^multipart\//i.test(partType)) {
      const inner = plainText(part.replace(/^\r?\n/, ""));
      if (inner) return inner;
    }
    if (/^text\/plain/i.test(partType)) return decodeBody(partBody.join("\n\n"), header(partHead, "Content-Transfer-Encoding"));
  }
  return "";
}

/** The sign-in link in a magic-link mail. */
export function signInLink(mail: Mail): string {
  const m = /https?:\/\/\S+\/api\/auth\/callback\/email\?\S+/.exec(mail.text);
  if (!m) throw new Error(`no sign-in link in the mail:\n${mail.text}`);
  return m[0];
}

/** Starts the server on `port` (0: any free one). */
export async function startSmtp(port = 0): Promise<TestSmtp> {
  const mails: Mail[] = [];
  const waiting: { to: string; resolve: (m: Mail) => void }[] = [];
  const server = new SMTPServer({
    // Plain SMTP on the loopback interface: no TLS (the app would refuse a self-signed
    // certificate) and no authentication.
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const head = raw.split(/\r?\n\r?\n/)[0] ?? "";
        const mail: Mail = {
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          raw,
          subject: decodeWords(header(head, "Subject")),
          text: plainText(raw),
        };
        mails.push(mail);
        for (const w of [...waiting]) {
          if (mail.to.includes(w.to)) {
            waiting.splice(waiting.indexOf(w), 1);
            w.resolve(mail);
          }
        }
        callback();
      });
    },
  });
  const bound = await new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve((server.server.address() as { port: number }).port));
  });
  return {
    url: `smtp://127.0.0.1:${bound}`,
    port: bound,
    mails,
    waitFor(to, { timeoutMs = 10_000 } = {}) {
      const address = to.toLowerCase();
      const found = mails.find((m) => m.to.includes(address));
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no mail to ${to} within ${timeoutMs} ms`)), timeoutMs);
        waiting.push({
          to: address,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m);
          },
        });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
