import { groupOf, type IssuerLevel } from "@ntm/domain";
import { producerKindNames, type OcopListResponse, type ProducerKind } from "@ntm/contracts";
import type { Sheet } from "../../shared/spreadsheets/index.ts";

/** The columns of the registry's sheet: the export writes them, the import reads them. */
export const ocopColumns = [
  { header: "Tên sản phẩm", key: "name", width: 32 },
  { header: "Loại chủ thể", key: "producerKind", width: 16 },
  { header: "Tên chủ thể", key: "producerName", width: 32 },
  { header: "Thư điện tử chủ thể", key: "producerEmail", width: 24 },
  { header: "Nhóm sản phẩm", key: "group", width: 28 },
  { header: "Mã xã", key: "communeCode", width: 10 },
  { header: "Tên xã", key: "communeName", width: 22 },
  { header: "Điểm phần A", key: "scoreA", width: 10 },
  { header: "Điểm phần B", key: "scoreB", width: 10 },
  { header: "Điểm phần C", key: "scoreC", width: 10 },
  { header: "Số sao", key: "stars", width: 8 },
  { header: "Số quyết định", key: "decisionNumber", width: 18 },
  { header: "Ngày quyết định", key: "decisionDate", width: 14 },
  { header: "Cơ quan ban hành", key: "issuer", width: 24 },
  { header: "Cấp ban hành", key: "issuerLevel", width: 14 },
  { header: "Hết hiệu lực từ", key: "expiresOn", width: 14 },
  { header: "Trạng thái", key: "status", width: 16 },
] as const;

export const issuerLevelWords: Record<IssuerLevel, string> = {
  province: "Tỉnh",
  national: "Trung ương",
};

/** The products of a list as an .xlsx sheet, one row per product with its certificate in force. */
export function ocopSheet(list: OcopListResponse): Sheet {
  return {
    name: "Sản phẩm OCOP",
    columns: ocopColumns.map((column) => ({ ...column })),
    rows: list.products.map((product) => ({
      name: product.name,
      producerKind: producerKindNames[product.producerKind as ProducerKind],
      producerName: product.producerName,
      producerEmail: product.producerEmail,
      group: groupOf(product.group.code)?.name ?? product.group.code,
      communeCode: product.commune.code,
      communeName: product.commune.name,
      scoreA: product.certificate.scores.A,
      scoreB: product.certificate.scores.B,
      scoreC: product.certificate.scores.C,
      stars: product.certificate.stars,
      decisionNumber: product.certificate.decisionNumber,
      decisionDate: product.certificate.decisionDate,
      issuer: product.certificate.issuer,
      issuerLevel: issuerLevelWords[product.certificate.issuerLevel],
      expiresOn: product.certificate.expiresOn,
      status: product.status.name,
    })),
  };
}
