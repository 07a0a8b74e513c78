/** Where the exports are served (app/api/lexicon.<format>/ and app/api/terms/[slug]/export.<format>/). */
export const EXPORT_FORMATS = ["tbx", "csv", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const lexiconExportPath = (format: ExportFormat) => `/api/lexicon.${format}`;
export const termExportPath = (slug: string, format: ExportFormat) => `/api/terms/${encodeURIComponent(slug)}/export.${format}`;
