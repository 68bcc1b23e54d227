import { importUnits, systemUser } from "@ntm/api";
import { unitImportRowSchema } from "@ntm/contracts";
import { z } from "zod";
import { withDatabase } from "../cli-context.ts";
import { readDataFile } from "../read-data-file.ts";

function normaliseCsvRow(row: Record<string, unknown>) {
  const blankToNull = (value: unknown) => (value === "" || value === undefined ? null : value);
  const flags =
    typeof row.flags === "string"
      ? row.flags
          .split(/[;,|]/)
          .map((f) => f.trim())
          .filter(Boolean)
      : row.flags;
  const assessed =
    typeof row.assessed === "string"
      ? row.assessed === ""
        ? undefined
        : row.assessed === "true"
      : row.assessed;
  return {
    ...row,
    parentCode: blankToNull(row.parentCode),
    validFrom: row.validFrom === "" ? undefined : row.validFrom,
    validTo: blankToNull(row.validTo),
    region: blankToNull(row.region),
    communeGroup: blankToNull(row.communeGroup),
    successorCode: blankToNull(row.successorCode),
    flags: flags ?? [],
    assessed,
  };
}

/** `ntm units import FILE`: CSV (header: code,name,level,parentCode,validFrom,validTo,region,communeGroup,flags,successorCode) or JSON. */
export async function unitsImportCommand(file: string) {
  const data = await readDataFile(file);
  const list = Array.isArray(data) ? data : (data as { units?: unknown }).units;
  const rows = z
    .array(unitImportRowSchema)
    .parse(
      (Array.isArray(list) ? list : []).map((row) =>
        normaliseCsvRow(row as Record<string, unknown>),
      ),
    );
  await withDatabase(async ({ database }) => {
    const result = await importUnits(database.db, { rows, user: systemUser });
    console.log(`Đã nhập ${result.units} đơn vị hành chính, ${result.links} quan hệ sáp nhập.`);
  });
}
