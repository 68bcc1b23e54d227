import { randomUUID } from "node:crypto";
import type { Db } from "@ntm/db";
import { endOfYear, formatDateVi, requestedLevelNames, type StepDataMap } from "@ntm/domain";
import type { DossierDetailDto, DossierDocumentDto } from "@ntm/contracts";
import { AppError, invalid, notFound } from "../../http/app-error.ts";
import type { AuthUser } from "../auth/index.ts";
import { recordAudit } from "../../shared/audit.ts";
import type { FileStorage } from "../../shared/storage/index.ts";
import { readStoredFile } from "../../shared/storage/read-stored-file.ts";
import { detectEvidenceType, extensionOf } from "../evidence/index.ts";
import { today } from "../../shared/clock.ts";
import { assertCan } from "../../shared/access.ts";
import { findUnitResource } from "../units/index.ts";
import { renderDocx, renderPdf, type AdminDocument } from "../../shared/documents/index.ts";
import { findDossierDocument, insertDossierDocument } from "./dossiers.repository.ts";
import { getDossier } from "./get-dossier.ts";

export const generatedKinds = [
  "to-trinh",
  "bao-cao-tu-danh-gia",
  "bao-cao-tham-tra",
  "du-thao-quyet-dinh",
  "quyet-dinh-thu-hoi",
] as const;
export type GeneratedKind = (typeof generatedKinds)[number];

/** Which documents belong to which kind of dossier. */
const revocationKinds: ReadonlySet<GeneratedKind> = new Set(["quyet-dinh-thu-hoi"]);

const statusWord = { met: "Đạt", not_met: "Chưa đạt", missing: "Chưa có số liệu" } as const;

function stepData<K extends keyof StepDataMap>(
  dossier: DossierDetailDto,
  code: K,
): StepDataMap[K] | null {
  return (
    (dossier.state.steps.find((step) => step.code === code)?.data as StepDataMap[K] | undefined) ??
    null
  );
}

/** Builds one of the dossier's documents from its data. */
export function buildDocument(
  dossier: DossierDetailDto,
  kind: GeneratedKind,
  provinceName: string,
  today: string,
): AdminDocument {
  const levelName =
    requestedLevelNames[dossier.state.unitLevel][dossier.state.requestedLevel] ??
    dossier.requestedLevel;
  const snapshot = dossier.state.snapshot;
  const place = provinceName.replace(/^Tỉnh\s+/i, "");
  const criteriaTable = {
    headers: ["TT", "Tên tiêu chí", "Kết quả tự đánh giá"],
    rows: snapshot.criteria.map((c) => [c.code, c.name, statusWord[c.status]]),
  };
  const selfReport = stepData(dossier, "self_assessment");
  const verification = stepData(dossier, "verification");
  const survey = stepData(dossier, "satisfaction_survey");
  const decision = stepData(dossier, "decision");
  const revocation = stepData(dossier, "revocation_decision");
  const proposal = stepData(dossier, "revocation_proposal");
  const review = stepData(dossier, "revocation_review");
  const revokedLevel = dossier.history.find((h) => h.endedOn === null) ?? dossier.history.at(-1);
  const rate =
    survey && survey.formsReturned > 0
      ? Math.round((survey.formsSatisfied / survey.formsReturned) * 1000) / 10
      : null;
  const provinceUpper = `UBND ${provinceName.toUpperCase()}`;
  const unitUpper = `UBND ${dossier.unitName.toUpperCase()}`;
  switch (kind) {
    case "to-trinh":
      return {
        issuer: unitUpper,
        number: "……/TTr-UBND",
        place,
        date: today,
        title: "TỜ TRÌNH",
        subtitle: `Về việc đề nghị thẩm tra, xét công nhận ${dossier.unitName} đạt chuẩn ${levelName.replace(/^(xã|huyện) /, "")} năm ${dossier.year}`,
        paragraphs: [
          "Căn cứ Quyết định số 18/2022/QĐ-TTg ngày 02/8/2022 của Thủ tướng Chính phủ ban hành Quy định điều kiện, trình tự, thủ tục, hồ sơ xét, công nhận, công bố và thu hồi quyết định công nhận địa phương đạt chuẩn nông thôn mới, đạt chuẩn nông thôn mới nâng cao, đạt chuẩn nông thôn mới kiểu mẫu và hoàn thành nhiệm vụ xây dựng nông thôn mới giai đoạn 2021 - 2025;",
          `Căn cứ kết quả tự đánh giá (${snapshot.criteriaMet}/${snapshot.criteriaTotal} tiêu chí đạt theo bộ tiêu chí ${snapshot.setCode}), ý kiến của Mặt trận Tổ quốc và các tổ chức, kết quả lấy ý kiến sự hài lòng của người dân${rate !== null ? ` (${String(rate).replace(".", ",")} % hài lòng)` : ""};`,
          `${dossier.unitName} kính đề nghị cấp có thẩm quyền thẩm tra, xét công nhận ${dossier.unitName} đạt chuẩn ${levelName.replace(/^(xã|huyện) /, "")} năm ${dossier.year}.`,
        ],
        signer: { title: "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", name: "……………………" },
      };
    case "bao-cao-tu-danh-gia":
      return {
        issuer: unitUpper,
        number: selfReport?.reportNumber ?? "……/BC-UBND",
        place,
        date: selfReport?.reportDate ?? today,
        title: "BÁO CÁO",
        subtitle: `Kết quả thực hiện xây dựng nông thôn mới năm ${dossier.year} của ${dossier.unitName}`,
        paragraphs: [
          `Thực hiện bộ tiêu chí ${snapshot.setCode} (phiên bản ${snapshot.setVersion}), ${dossier.unitName} tự đánh giá đạt ${snapshot.criteriaMet}/${snapshot.criteriaTotal} tiêu chí ở mức đề nghị (${levelName}).`,
          "Kết quả đánh giá từng tiêu chí tại thời điểm lập hồ sơ như sau:",
        ],
        table: criteriaTable,
        signer: { title: "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", name: "……………………" },
      };
    case "bao-cao-tham-tra": {
      const verifier = dossier.regime.steps.find((step) => step.code === "verification");
      return {
        issuer: verifier?.actingRole === "district" ? "UBND HUYỆN" : provinceUpper,
        number: verification?.reportNumber ?? "……/BC-UBND",
        place,
        date: verification?.reportDate ?? today,
        title: "BÁO CÁO THẨM TRA",
        subtitle: `Hồ sơ và kết quả thực hiện các tiêu chí ${levelName} của ${dossier.unitName} năm ${dossier.year}`,
        paragraphs: [
          `Tổng số tiêu chí đạt tại thời điểm nộp hồ sơ: ${snapshot.criteriaMet}/${snapshot.criteriaTotal}.`,
          `Tỷ lệ người dân hài lòng: ${rate !== null ? `${String(rate).replace(".", ",")} %` : "chưa có kết quả"}.`,
          `Nợ đọng xây dựng cơ bản: ${verification ? (verification.noConstructionDebt ? `không còn (${verification.debtEvidence})` : "còn nợ đọng") : "chưa kê khai"}.`,
          `Tình hình an ninh, trật tự: ${verification ? (verification.securityNotComplicated ? "không phức tạp" : "phức tạp") : "chưa kê khai"}.`,
          ...dossier.conditions.map(
            (c) => `${c.label}: ${c.met ? "đạt" : "chưa đạt"} — ${c.reason}`,
          ),
        ],
        table: criteriaTable,
        signer: { title: "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", name: "……………………" },
      };
    }
    case "du-thao-quyet-dinh":
      return {
        issuer: provinceUpper,
        number: decision?.decisionNumber ?? "……/QĐ-UBND",
        place,
        date: decision?.decisionDate ?? today,
        title: "QUYẾT ĐỊNH",
        subtitle: `Về việc công nhận ${dossier.unitName} đạt chuẩn ${levelName.replace(/^(xã|huyện) /, "")} năm ${dossier.year}`,
        authority: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
        paragraphs: [
          "Căn cứ Quyết định số 18/2022/QĐ-TTg ngày 02/8/2022 của Thủ tướng Chính phủ;",
          "Căn cứ kết quả thẩm định và biểu quyết của Hội đồng thẩm định;",
          `Điều 1. Công nhận ${dossier.unitName} đạt chuẩn ${levelName.replace(/^(xã|huyện) /, "")} năm ${dossier.year}.`,
          "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
          "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nông nghiệp và Môi trường, Chủ tịch UBND cấp xã liên quan chịu trách nhiệm thi hành Quyết định này.",
        ],
        signer: { title: "CHỦ TỊCH", name: decision?.signer ?? "……………………" },
      };
    case "quyet-dinh-thu-hoi": {
      const flag = dossier.state.revocationFlag;
      const levelShort = levelName.replace(/^(xã|huyện) /, "");
      return {
        issuer: provinceUpper,
        number: revocation?.decisionNumber ?? "……/QĐ-UBND",
        place,
        date: revocation?.decisionDate ?? today,
        title: "QUYẾT ĐỊNH",
        subtitle: `Về việc thu hồi Quyết định công nhận ${dossier.unitName} đạt chuẩn ${levelShort}`,
        authority: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
        paragraphs: [
          "Căn cứ Quyết định số 18/2022/QĐ-TTg ngày 02/8/2022 của Thủ tướng Chính phủ (Điều 4, quy định thu hồi quyết định công nhận);",
          revokedLevel
            ? `Căn cứ Quyết định số ${revokedLevel.decisionNumber} ngày ${formatDateVi(revokedLevel.decisionDate)} công nhận ${dossier.unitName} đạt chuẩn ${levelShort};`
            : `Căn cứ quyết định công nhận ${dossier.unitName} đạt chuẩn ${levelShort};`,
          proposal
            ? `Xét Tờ trình số ${proposal.reportNumber} ngày ${formatDateVi(proposal.reportDate)} đề nghị thu hồi: ${proposal.reason}`
            : "Xét tờ trình đề nghị thu hồi;",
          review
            ? `Căn cứ Báo cáo thẩm định số ${review.reportNumber} ngày ${formatDateVi(review.reportDate)}: ${review.conclusion}`
            : "Căn cứ kết quả thẩm định đề nghị thu hồi;",
          `Điều 1. Thu hồi Quyết định công nhận ${dossier.unitName} đạt chuẩn ${levelShort}${revokedLevel ? ` (Quyết định số ${revokedLevel.decisionNumber})` : ""}.`,
          `Lý do: ${flag?.reason ?? "đơn vị không còn đáp ứng các tiêu chí theo quy định."}${flag && flag.unmetCriteria.length > 0 ? ` Tiêu chí chưa đạt: ${flag.unmetCriteria.join(", ")}.` : ""}`,
          "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
          "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nông nghiệp và Môi trường, Chủ tịch UBND cấp xã liên quan chịu trách nhiệm thi hành Quyết định này.",
        ],
        signer: { title: "CHỦ TỊCH", name: revocation?.signer ?? "……………………" },
      };
    }
  }
}

export async function renderDossierDocument(
  db: Db,
  options: { user: AuthUser; id: number; kind: GeneratedKind; format: "docx" | "pdf"; now: Date },
): Promise<{ fileName: string; mimeType: string; content: Buffer }> {
  const dossier = await getDossier(db, options);
  if (revocationKinds.has(options.kind) !== (dossier.kind === "revocation")) {
    throw new AppError({
      code: "CONFLICT",
      vi:
        dossier.kind === "revocation"
          ? "Hồ sơ thu hồi chỉ có văn bản quyết định thu hồi."
          : "Quyết định thu hồi chỉ lập cho hồ sơ thu hồi.",
      en: "This document does not belong to this kind of dossier.",
    });
  }
  const provinceName = await provinceNameOf(db, dossier.unitCode, today(options.now));
  const document = buildDocument(dossier, options.kind, provinceName, today(options.now));
  const content =
    options.format === "docx" ? await renderDocx(document) : await renderPdf(document);
  return {
    fileName: `${options.kind}-ho-so-${dossier.id}.${options.format}`,
    mimeType:
      options.format === "docx"
        ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        : "application/pdf",
    content,
  };
}

async function provinceNameOf(db: Db, unitCode: string, asOf: string) {
  const { findPathOn, findLatestUnit } = await import("../units/index.ts");
  const path = await findPathOn(db, unitCode, asOf);
  const province = path.find((step) => step.level === "province");
  if (province) return province.name;
  const unit = await findLatestUnit(db, unitCode);
  return unit?.name ?? "";
}

export async function uploadDossierScan(
  db: Db,
  options: {
    user: AuthUser;
    storage: FileStorage;
    id: number;
    stepCode: string;
    fileName: string;
    content: Buffer;
    truncated: boolean;
    now: Date;
  },
): Promise<DossierDocumentDto> {
  const dossier = await getDossier(db, options);
  const { resource } = await findUnitResource(db, dossier.unitCode, endOfYear(dossier.year));
  // Whatever the step: an account outside the workflow (a viewer) attaches nothing.
  assertCan(options.user, "dossier.act", resource);
  const step = dossier.regime.steps.find((candidate) => candidate.code === options.stepCode);
  if (!step) {
    throw invalid(
      `Quy trình không có bước ${options.stepCode}.`,
      `Unknown step ${options.stepCode}.`,
    );
  }
  // A step's files come from the role acting on it, in scope (a decision scan from the province).
  assertCan(options.user, "dossier.attach", { ...resource, step });
  if (options.truncated) throw invalid("Tệp quá lớn.", "File too large.");
  const type = detectEvidenceType(options.fileName, options.content);
  if (!type)
    throw invalid(
      "Chỉ nhận tệp PDF, ảnh, Word hoặc Excel đúng định dạng.",
      "Unsupported file type.",
    );
  const key = `dossiers/${dossier.id}/${randomUUID()}.${extensionOf(options.fileName)}`;
  // The file is stored before the row that names it commits, and removed if that fails.
  await options.storage.put(key, options.content, { contentType: type.mimeType });
  try {
    return await storeScanRow(db, { ...options, dossier, key, mimeType: type.mimeType });
  } catch (error) {
    await options.storage.delete(key);
    throw error;
  }
}

function storeScanRow(
  db: Db,
  options: {
    user: AuthUser;
    dossier: { id: number; unitCode: string };
    key: string;
    mimeType: string;
    stepCode: string;
    fileName: string;
    content: Buffer;
    now: Date;
  },
): Promise<DossierDocumentDto> {
  const { dossier, key } = options;
  return db.transaction(async (tx) => {
    const row = await insertDossierDocument(tx, {
      dossierId: dossier.id,
      stepCode: options.stepCode,
      fileName: options.fileName,
      mimeType: options.mimeType,
      size: options.content.length,
      storageKey: key,
      uploadedBy: options.user.username,
      uploadedAt: options.now,
    });
    await recordAudit(tx, {
      kind: "dossier.upload",
      by: options.user,
      key: String(row.id),
      unitCode: dossier.unitCode,
      new: { dossierId: dossier.id, fileName: row.fileName, step: row.stepCode },
    });
    return {
      id: row.id,
      stepCode: row.stepCode,
      fileName: row.fileName,
      mimeType: row.mimeType,
      size: row.size,
      uploadedBy: row.uploadedBy,
      uploadedAt: row.uploadedAt.toISOString(),
    };
  });
}

export async function downloadDossierScan(
  db: Db,
  options: { user: AuthUser; storage: FileStorage; id: number; documentId: number; now: Date },
) {
  const row = await findDossierDocument(db, options.documentId);
  if (!row || row.dossierId !== options.id)
    throw notFound("Không tìm thấy tệp.", "File not found.");
  await getDossier(db, options);
  return { row, content: await readStoredFile(options.storage, row.storageKey) };
}
