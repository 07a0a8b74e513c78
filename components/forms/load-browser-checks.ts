/** The browser checks (and zod) as a separate chunk, fetched once, when first needed. */
let loading: Promise<typeof import("./browser-checks")> | undefined;
export function loadBrowserChecks() {
  loading ??= import("./browser-checks");
  return loading;
}
