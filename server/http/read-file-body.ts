import "server-only";
import { AppError, badRequest } from "@/lib/errors";

/**
 * A file sent as the request body (an import), read up to `maxBytes`: a declared
 * Content-Length above it is refused before reading, and reading stops as soon as the body
 * grows past it, so a huge upload costs no memory. The bytes must be UTF-8 (a byte order mark
 * is kept for the reader to see); otherwise a 422 says on which line the first bad byte is.
 */
export async function readFileBody(req: Request, maxBytes: number): Promise<string> {
  const tooLarge = () => new AppError("bad_request", `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB; split it.`, { reason: "too_large" });
  const bytes = await readBodyBytes(req, maxBytes, tooLarge);
  if (bytes.byteLength === 0) throw badRequest("The body is empty: send the file as the request body.");
  return decodeUtf8(bytes);
}

/**
 * A request's body as bytes, at most `maxBytes`: a declared Content-Length above it is refused
 * before anything is read (`tooLarge()` is thrown), and reading stops, cancelling the rest, as
 * soon as the body grows past it (a chunked body declares nothing), so a huge body costs no
 * memory. A body that cannot be read (the client went away) is a 400.
 */
export async function readBodyBytes(req: Request, maxBytes: number, tooLarge: () => AppError): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    const reader = req.body?.getReader();
    for (;;) {
      if (!reader) break;
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw badRequest("The request body could not be read.");
  }
  return Buffer.concat(chunks, size);
}

/** UTF-8 bytes as text (a byte order mark kept), or a 422 naming the line of the first bad byte. */
export function decodeUtf8(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const line = firstBadLine(bytes);
    throw new AppError("invalid", `The file is not UTF-8 text (line ${line}); save it as UTF-8 and try again.`, { errors: [{ line, message: "not UTF-8" }] });
  }
}

/** The line of the first byte sequence that is not UTF-8. */
function firstBadLine(bytes: Buffer): number {
  let lo = 0;
  let hi = bytes.length;
  // The longest prefix that decodes (allowing a sequence cut at its end) ends near the bad byte.
  while (hi - lo > 4) {
    const mid = (lo + hi) >> 1;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  let line = 1;
  for (let i = 0; i < lo; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
