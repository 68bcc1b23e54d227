import type { UnitImportRow } from "@ntm/contracts";
import type { IndicatorValues, UnitAttributes } from "@ntm/domain";
import type { DemoValue } from "../apps/cli/src/demo/generate-demo-values.ts";

/** One commune-year as the engine receives it. */
export interface SampleAssessment {
  unit: UnitAttributes;
  year: number;
  values: IndicatorValues;
}

function attributesOf(row: UnitImportRow): UnitAttributes {
  return {
    code: row.code,
    name: row.name,
    ...(row.region ? { region: row.region } : {}),
    ...(row.communeGroup ? { communeGroup: row.communeGroup } : {}),
    flags: row.flags,
  };
}

/**
 * Collects up to `max` commune-years from the value batches while they are loaded, so that the
 * engine can be timed on the same data without reading it back. The generator yields commune by
 * commune and year by year, so a new entry starts whenever the commune or year changes.
 */
export class EngineSample {
  readonly assessments: SampleAssessment[] = [];
  values = 0;
  private current: { key: string; values: Record<string, number | boolean | null> } | undefined;
  private readonly units: Map<string, UnitImportRow>;

  constructor(
    units: readonly UnitImportRow[],
    private readonly max: number,
  ) {
    this.units = new Map(
      units.filter((row) => row.level === "commune").map((row) => [row.code, row]),
    );
  }

  add(batch: readonly DemoValue[]): void {
    for (const value of batch) {
      const key = `${value.unitCode}|${value.year}`;
      if (this.current?.key !== key) {
        if (this.assessments.length >= this.max) return;
        const unit = this.units.get(value.unitCode);
        if (!unit) continue;
        const values: Record<string, number | boolean | null> = {};
        this.current = { key, values };
        this.assessments.push({ unit: attributesOf(unit), year: value.year, values });
      }
      this.current.values[value.indicatorCode] = value.value;
      this.values += 1;
    }
  }
}
