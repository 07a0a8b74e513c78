import "server-only";
import http from "node:http";

/**
 * The one header of a request that says where it came from and that a client cannot forge:
 * every request an http.Server of this process emits gets the socket's remote address in it,
 * replacing whatever the client sent under that name. (Next passes X-Forwarded-For through as
 * the client sent it, and hands route handlers no socket.) Installed at start-up by
 * instrumentation.ts; read by server/http/client-address.ts.
 */
export const PEER_HEADER = "x-gongshang-peer";

type Emit = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
const proto = http.Server.prototype as unknown as { emit: Emit; gongshangPeerStamp?: true };

export function stampPeers(): void {
  if (proto.gongshangPeerStamp) return;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event, ...args) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? "";
    }
    return emit.call(this, event, ...args);
  };
  proto.gongshangPeerStamp = true;
}
