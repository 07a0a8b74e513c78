import { convert } from "pinyin-pro";

/**
 * Pinyin as a scholar typed it, shown with tone marks: tone numbers become marks
 * ("duo1 yuan2" → "duō yuán", "lv4" → "lǜ", "ma5" → "ma"), spaces are tidied, and marks already typed stay.
 * Syllables must be separated by spaces for numbers to convert (as pinyin-pro reads them).
 */
export function tonedPinyin(input: string): string {
  const tidy = input.normalize("NFC").replace(/\s+/gu, " ").trim();
  if (!/[1-5]/.test(tidy)) return tidy;
  return convert(tidy.replace(/v/g, "ü").replace(/V/g, "Ü"))
    .replace(/(\p{L})5(?=$|[\s•·・'’-])/gu, "$1") // 5 is the neutral tone: no mark
    .normalize("NFC");
}
