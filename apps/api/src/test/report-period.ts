import { inflateRawSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { expect } from "vitest";
import type { ReportSubmissionDto } from "@ntm/contracts";

/**
 * The period a consolidated report is made of: the province's coordination office creates the
 * districts' monthly report type and opens its periods, and the district submits May 2024. Returns
 * the type's id. `cookies` holds the sessions of "vpdp" and "huyen".
 */
export async function submittedMonthlyReport(
  app: FastifyInstance,
  cookies: Record<string, string | undefined>,
): Promise<number> {
  const as = (user: string) => ({ cookie: cookies[user] ?? "" });
  const created = await app.inject({
    method: "POST",
    url: "/api/report-types",
    headers: as("vpdp"),
    payload: {
      code: "huyen-thang",
      name: "Báo cáo tháng của UBND huyện",
      cadence: "monthly",
      dueRule: { kind: "dayOfNextMonth", day: 15 },
      submitterLevel: "district",
    },
  });
  expect(created.statusCode, created.body).toBeLessThan(300);
  const typeId = created.json<{ id: number }>().id;
  await app.inject({ method: "POST", url: "/api/report-periods/open", headers: as("vpdp") });
  const [report] = (
    await app.inject({
      method: "GET",
      url: `/api/reports?period=2024-M05&type=${typeId}`,
      headers: as("huyen"),
    })
  ).json<ReportSubmissionDto[]>();
  const submitted = await app.inject({
    method: "POST",
    url: `/api/reports/${report?.id}/submit`,
    headers: as("huyen"),
    payload: { narrative: "Huyện Đăk Glei hoàn thành cứng hóa 5 km đường trục xã.", version: 0 },
  });
  expect(submitted.statusCode, submitted.body).toBe(200);
  return typeId;
}

/** One entry of a ZIP container (DOCX, XLSX), read from its local file headers. */
export function zipEntry(zip: Buffer, name: string): string {
  let offset = 0;
  while (offset < zip.length - 30 && zip.readUInt32LE(offset) === 0x04034b50) {
    const compressed = zip.readUInt32LE(offset + 18);
    const nameLength = zip.readUInt16LE(offset + 26);
    const start = offset + 30 + nameLength + zip.readUInt16LE(offset + 28);
    const data = zip.subarray(start, start + compressed);
    if (zip.subarray(offset + 30, offset + 30 + nameLength).toString() === name) {
      return (zip.readUInt16LE(offset + 8) === 8 ? inflateRawSync(data) : data).toString("utf8");
    }
    offset = start + compressed;
  }
  throw new Error(`${name} not found`);
}
