
/**
 * State shared by the whole server process: caches, connections and registries that must exist
 * once per process. A module-level `const` is not enough in a Next build: the same module is
 * bundled into several chunks (routes, pages, instrumentation), each with its own copy of its
 * top-level state. Measured before this: the ballot path's registry of database drivers was
 * empty in the route's chunk, so every "direct" statement went through Prisma (a ballot save as
 * an interactive transaction: 150 saves/s, p99 3.7 s), and each chunk kept its own results cache.
 */
const registry = ((globalThis as unknown as { gongshangProcess?: Map<string, unknown> }).gongshangProcess ??= new Map());

/** The process's one value under `key`, created by `init` on first use. */
export function processWide<T>(key: string, init: () => T): T {
  if (!registry.has(key)) registry.set(key, init());
  return registry.get(key) as T;
}
