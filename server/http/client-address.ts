import "server-only";
import { env } from "@/lib/env";
import { clientAddressOf } from "@/lib/client-address";
import { PEER_HEADER } from "@/server/http/peer-stamp";

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function header(source: HeaderSource, name: string): string | null {
  if (!source) return null;
  if (source instanceof Headers) return source.get(name);
  const value = source[name];
  return Array.isArray(value) ? value.join(",") : (value ?? null);
}

/** The client's network address for per-client limits (TRUST_PROXY: how many proxies are in front). */
export function clientAddress(headers: HeaderSource): string {
  return clientAddressOf(header(headers, PEER_HEADER), header(headers, "x-forwarded-for"), env().TRUST_PROXY);
}
