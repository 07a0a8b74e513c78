import { createServer } from "node:net";
import { SMTPServer } from "smtp-server";
import { plainText } from "@/e2e/support/mailbox";

/** A real SMTP server on the loopback interface for integration tests: it keeps what it receives. */
export type ReceivedMail = { to: string[]; raw: string; text: string };
export type TestSmtp = { url: string; port: number; mails: ReceivedMail[]; close(): Promise<void> };

/** A port nothing listens on (yet): for an SMTP server that is down. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startSmtp(port = 0): Promise<TestSmtp> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), raw, text: plainText(raw) });
        callback();
      });
    },
  });
  const bound = await new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve((server.server.address() as { port: number }).port));
  });
  return { url: `smtp://127.0.0.1:${bound}`, port: bound, mails, close: () => new Promise<void>((r) => server.close(() => r())) };
}
