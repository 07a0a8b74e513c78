import { NextResponse, type NextRequest } from "next/server";

/**
 * Addresses of the API with malformed percent-encoding (`/api/terms/%E0%A4%A/ballot`): Next.js
 * itself answers those with a plain-text 500 when it decodes the parameter, before any route
 * runs. Here they get the API's JSON 400 instead. The matcher lets only API paths that contain
 * a `%` reach this code, so no other request pays for it (a proxy on every request costs
 * measurable throughput).
 */
export function proxy(req: NextRequest) {
  for (const segment of req.nextUrl.pathname.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      return NextResponse.json(
        { error: { code: "bad_request", message: "The address is not valid: a part of it has a malformed percent-encoding." } },
        { status: 400 },
      );
    }
  }
  return NextResponse.next();
}

export const config = { matcher: "/api/(.*%.*)" };
