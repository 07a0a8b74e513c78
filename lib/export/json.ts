import { lexiconExportSchema, type LexiconExport } from "@/lib/schemas/lexicon";

/** The JSON export: the lexicon model as it is (lib/schemas/lexicon.ts), checked against its schema. */
export function lexiconToJson(lexicon: LexiconExport): string {
  return `${JSON.stringify(lexiconExportSchema.parse(lexicon), null, 2)}\n`;
}
