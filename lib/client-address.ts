/**
 * Which network address a request came from, pure. `peer` is the address of the TCP peer as
 * the server saw it (stamped on every request by server/http/peer-stamp.ts, so a client cannot
 * set it); `forwardedFor` the X-Forwarded-For header. With `trustedProxies` = 0 (no proxy in
 * front, the default) the peer is the client and X-Forwarded-For is the client's own claim,
 * ignored. Behind N proxies that each append the address they saw, the client is the N-th
 * entry from the right: entries further left were written by the client and are not trusted.
 */
export function clientAddressOf(peer: string | null, forwardedFor: string | null, trustedProxies: number): string {
  if (trustedProxies > 0) {
    const hops = (forwardedFor ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    // Fewer entries than proxies: the request did not come through them all; the leftmost is
    // still the nearest to the client that a trusted proxy wrote.
    const address = hops.length >= trustedProxies ? hops[hops.length - trustedProxies] : hops[0];
    if (address) return normalizedAddress(address);
  }
  return peer ? normalizedAddress(peer) : "unknown";
}

/** IPv4 written as IPv6 (::ffff:127.0.0.1) and as itself are one client; at most a sane length. */
function normalizedAddress(address: string): string {
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1").toLowerCase().slice(0, 64);
}
