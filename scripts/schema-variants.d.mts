export const SOURCE: string;
export const POSTGRES: string;
export function postgresSchemaFrom(source: string): string;
export function expectedPostgresSchema(): string;
