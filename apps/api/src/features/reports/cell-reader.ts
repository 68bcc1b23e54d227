import { parseCellValue, type CellReading, type IndicatorKind, type RawCell } from "@ntm/domain";

/**
 * Reads one file's cells for the import's check. A file repeats the same few yes/no words
 * hundreds of thousands of times, and reading one (lower-casing with the Vietnamese locale) costs
 * more than a lookup: the words read are answered from a table kept for this file, up to
 * `maxWords` distinct ones.
 */
export function cellReader(maxWords = 1000) {
  const words = new Map<string, CellReading>();
  return (kind: IndicatorKind, raw: RawCell): CellReading => {
    if (kind !== "boolean" || typeof raw !== "string") return parseCellValue(kind, raw);
    const known = words.get(raw);
    if (known) return known;
    const reading = parseCellValue(kind, raw);
    if (words.size < maxWords) words.set(raw, reading);
    return reading;
  };
}
