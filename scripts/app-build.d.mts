export const ROOT: string;
export const NEXT_BIN: string;
export function buildIsFresh(distDir: string): boolean;
export function ensureBuild(
  distDir: string,
  options?: { force?: boolean; reuse?: boolean; inherit?: boolean; log?: (message: string) => void },
): void;
