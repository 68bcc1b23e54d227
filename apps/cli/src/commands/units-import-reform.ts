import { importReform, systemUser } from "@ntm/api";
import { withDatabase } from "../cli-context.ts";

type Result = Awaited<ReturnType<typeof importReform>>;

const n = (value: number) => value.toLocaleString("vi-VN");
const day = (iso: string) => iso.split("-").reverse().join("/");
const list = (codes: readonly string[]) =>
  codes.length === 0
    ? "0"
    : `${n(codes.length)} (${codes.slice(0, 12).join(", ")}${codes.length > 12 ? ", …" : ""})`;

/** The import's report as an officer reads it, one line per figure. */
export function formatReformReport(r: Result): string {
  return [
    `Sắp xếp đơn vị hành chính có hiệu lực từ ${day(r.effectiveDate)}${r.dryRun ? " — CHẠY THỬ, không ghi dữ liệu" : ""}`,
    `Phạm vi: ${r.provinces.length === 1 ? `tỉnh ${r.provinces[0]}` : `${n(r.provinces.length)} tỉnh, thành phố`}`,
    `Theo dữ liệu: ${n(r.source.provinces)} tỉnh, ${n(r.source.units)} đơn vị cấp xã (${n(r.source.xa)} xã, ${n(r.source.phuong)} phường, ${n(r.source.dacKhu)} đặc khu)`,
    `Tạo mới: ${n(r.create.provinces)} tỉnh, ${n(r.create.units)} đơn vị cấp xã (${n(r.create.xa)} xã, ${n(r.create.phuong)} phường, ${n(r.create.dacKhu)} đặc khu); đã có từ trước: ${n(r.alreadyPresent)}`,
    `Kết thúc hiệu lực ngày trước đó: ${n(r.close.provinces)} tỉnh, ${n(r.close.districts)} huyện, ${n(r.close.communes)} xã, phường, thị trấn`,
    `Quan hệ kế thừa ghi mới: ${n(r.links.full)} toàn phần, ${n(r.links.partial)} một phần; đã có từ trước: ${n(r.links.alreadyPresent)}`,
    `Xã cũ không có đơn vị kế thừa (theo dữ liệu): ${list(r.oldCommunesWithoutSuccessor)}`,
    `Đơn vị mới không có đơn vị tiền thân (theo dữ liệu): ${list(r.newUnitsWithoutPredecessor)}`,
    `Đơn vị cũ có trong dữ liệu nhưng không có trong cơ sở dữ liệu (không tự tạo): ${list(r.missingInDatabase)}`,
    `Đơn vị mới chưa có đơn vị tiền thân nào trong cơ sở dữ liệu: ${list(r.newUnitsWithoutPredecessorInDatabase)}`,
    `Xã trong cơ sở dữ liệu không có trong dữ liệu (kết thúc, không có đơn vị kế thừa): ${list(r.closedWithoutSuccessor)}`,
    `Đơn vị bắt đầu từ ${day(r.effectiveDate)} không có trong dữ liệu (giữ nguyên): ${list(r.notInData)}`,
    `Đơn vị hình thành từ hai vùng (tỉnh chọn vùng): ${list(r.regionChoices.map((c) => `${c.code} ${c.candidates.join("/")}`))}`,
    `Thôn chuyển về xã mới (giữ mã, phiên bản mới từ ${day(r.effectiveDate)}): ${n(r.villages.moved)}; thôn của xã bị chia, tỉnh xếp vào xã mới: ${list(r.villages.toPlace.map((v) => `${v.code} ${v.name} → ${v.candidates.join("/")}`))}`,
    r.unchanged
      ? "Không có gì thay đổi: sắp xếp này đã có trong cơ sở dữ liệu."
      : r.dryRun
        ? "Chạy thử: chưa ghi gì. Bỏ --dry-run để nhập."
        : "Đã nhập và ghi nhật ký.",
  ].join("\n");
}

/** `ntm units import-reform [--dry-run] [--province CODE]`. */
export async function unitsImportReformCommand(options: { dryRun: boolean; province?: string }) {
  await withDatabase(async ({ database }) => {
    const result = await importReform(database.db, {
      user: systemUser,
      dryRun: options.dryRun,
      province: options.province,
    });
    console.log(formatReformReport(result));
  });
}
