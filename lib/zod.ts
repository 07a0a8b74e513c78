import { z } from "zod";

/**
 * zod, configured once. In the browser it runs without its JIT: zod 4 otherwise probes
 * `new Function("")` when it builds an object schema, which our Content-Security-Policy (no
 * 'unsafe-eval') reports as a violation even though zod catches the refusal. The server keeps
 * the faster JIT. The setting must be in place before any schema is built, so code that may
 * run in the browser imports zod from here (eslint: no-restricted-imports), never "zod".
 */
if (typeof window !== "undefined") z.config({ jitless: true });

export { z };
