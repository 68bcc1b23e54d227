import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  createDossierInputSchema,
  dossierBatchInputSchema,
  dossierConfirmInputSchema,
  dossierListQuerySchema,
  dossierReturnInputSchema,
  mergerDecisionInputSchema,
  notificationEmailInputSchema,
  regimeListQuerySchema,
  revocationWatchQuerySchema,
  stepCodeSchema,
  dossierSummarySchema,
  dossierDetailSchema,
  inboxItemSchema,
  fileDownloadSchema,
  dossierDocumentSchema,
  batchSchema,
  recognitionHistorySchema,
  mergedUnitSchema,
  mergerDetailSchema,
  watchResponseSchema,
  regimeVersionSchema,
  regimeImportResultSchema,
  notificationEmailSchema,
  idSchema,
} from "@ntm/contracts";
import type { StepData } from "@ntm/domain";
import { AppError } from "../../http/app-error.ts";
import type { AppContext } from "../../http/app-context.ts";
import { requireUser } from "../../http/auth-plugin.ts";
import { sendDownload } from "../../shared/download.ts";
import { act } from "./act-on-dossier.ts";
import { createBatch } from "./create-batch.ts";
import { createDossier } from "./create-dossier.ts";
import { getDossier } from "./get-dossier.ts";
import { getInbox } from "./get-inbox.ts";
import { getOverdue } from "./get-overdue.ts";
import { getRecognitionHistory } from "./get-recognition-history.ts";
import { getRevocationWatch } from "./get-revocation-watch.ts";
import { listBatches } from "./list-batches.ts";
import { listDossiers } from "./list-dossiers.ts";
import {
  downloadDossierScan,
  generatedKinds,
  renderDossierDocument,
  uploadDossierScan,
} from "./dossier-files.service.ts";
import { importRegime, listRegimes } from "./dossier-regimes.service.ts";
import { getMerger } from "./get-merger.ts";
import { listMergedUnits } from "./list-merged-units.ts";
import { recogniseMergedUnit } from "./recognise-merged-unit.ts";
import { getNotificationEmail, setNotificationEmail } from "./notification-email.service.ts";

const idParams = z.object({ id: idSchema });

export function dossiersRoutes(app: FastifyInstance, context: AppContext) {
  const db = context.database.db;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["dossiers"];

  routes.get(
    "/api/dossiers",
    {
      schema: {
        operationId: "listDossiers",
        response: { 200: z.array(dossierSummarySchema) },
        tags,
        summary: "Danh sách hồ sơ xét công nhận, thu hồi trong phạm vi",
        querystring: dossierListQuerySchema,
      },
    },
    async (request) =>
      listDossiers(db, { user: requireUser(request), ...request.query, now: context.now() }),
  );
  routes.post(
    "/api/dossiers",
    {
      schema: {
        operationId: "createDossier",
        response: { 201: dossierDetailSchema },
        tags,
        summary: "Lập hồ sơ (đóng băng kết quả đánh giá tại thời điểm nộp)",
        body: createDossierInputSchema,
      },
    },
    async (request, reply) => {
      const dossier = await createDossier(db, {
        user: requireUser(request),
        input: request.body,
        now: context.now(),
      });
      reply.status(201);
      return dossier;
    },
  );
  routes.get(
    "/api/dossiers/inbox",
    {
      schema: {
        operationId: "getDossierInbox",
        response: { 200: z.array(inboxItemSchema) },
        tags,
        summary: "Hồ sơ đang chờ tài khoản hiện tại xử lý",
      },
    },
    async (request) => getInbox(db, { user: requireUser(request), now: context.now() }),
  );
  routes.get(
    "/api/dossiers/overdue",
    {
      schema: {
        operationId: "listOverdueDossiers",
        response: { 200: z.array(dossierSummarySchema) },
        tags,
        summary: "Hồ sơ có bước quá hạn",
      },
    },
    async (request) => getOverdue(db, { user: requireUser(request), now: context.now() }),
  );
  routes.get(
    "/api/dossiers/:id",
    {
      schema: {
        operationId: "getDossier",
        response: { 200: dossierDetailSchema },
        tags,
        summary: "Chi tiết hồ sơ",
        params: idParams,
      },
    },
    async (request) =>
      getDossier(db, { user: requireUser(request), id: request.params.id, now: context.now() }),
  );
  routes.post(
    "/api/dossiers/:id/steps/:step/complete",
    {
      schema: {
        operationId: "completeDossierStep",
        response: { 200: dossierDetailSchema },
        tags,
        summary: "Hoàn thành bước hiện tại (dữ liệu của bước trong body)",
        params: idParams.extend({ step: stepCodeSchema }),
        body: z.record(z.string(), z.unknown()),
      },
    },
    async (request) =>
      act(db, {
        user: requireUser(request),
        id: request.params.id,
        action: {
          type: "complete",
          step: request.params.step,
          data: request.body as unknown as StepData,
        },
        now: context.now(),
        mail: context.config.mail,
      }),
  );
  routes.post(
    "/api/dossiers/:id/return",
    {
      schema: {
        operationId: "returnDossier",
        response: { 200: dossierDetailSchema },
        tags,
        summary: "Trả lại hồ sơ cho bước trước, kèm lý do",
        params: idParams,
        body: dossierReturnInputSchema,
      },
    },
    async (request) =>
      act(db, {
        user: requireUser(request),
        id: request.params.id,
        action: { type: "return", reasons: request.body.reasons },
        now: context.now(),
        mail: context.config.mail,
      }),
  );
  routes.post(
    "/api/dossiers/:id/confirmations",
    {
      schema: {
        operationId: "confirmDossierCriteria",
        response: { 200: dossierDetailSchema },
        tags,
        summary: "Sở, ngành xác nhận tiêu chí được giao (bước thẩm định)",
        params: idParams,
        body: dossierConfirmInputSchema,
      },
    },
    async (request) =>
      act(db, {
        user: requireUser(request),
        id: request.params.id,
        action: { type: "confirm", criteria: request.body.criteria },
        now: context.now(),
        mail: context.config.mail,
      }),
  );
  routes.get(
    "/api/dossiers/:id/generated/:kind",
    {
      schema: {
        operationId: "downloadGeneratedDossierDocument",
        response: { 200: fileDownloadSchema },
        produces: [
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "application/pdf",
        ],
        tags,
        summary: "Văn bản tạo từ dữ liệu hồ sơ (DOCX hoặc PDF)",
        params: idParams.extend({ kind: z.enum(generatedKinds) }),
        querystring: z.object({ format: z.enum(["docx", "pdf"]).default("pdf") }),
      },
    },
    async (request, reply) => {
      const file = await renderDossierDocument(db, {
        user: requireUser(request),
        id: request.params.id,
        kind: request.params.kind,
        format: request.query.format,
        now: context.now(),
      });
      return sendDownload(reply, {
        fileName: file.fileName,
        contentType: file.mimeType,
        body: file.content,
      });
    },
  );
  routes.post(
    "/api/dossiers/:id/documents",
    {
      schema: {
        operationId: "uploadDossierScan",
        response: { 201: dossierDocumentSchema },
        tags,
        summary: "Đính kèm bản scan (multipart: stepCode rồi file)",
        params: idParams,
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const file = await request.file();
      const field = file?.fields.stepCode;
      const stepCode = field && "value" in field ? String(field.value) : "";
      if (!file || !stepCode) {
        throw new AppError({
          code: "VALIDATION_FAILED",
          vi: "Cần gửi trường stepCode và một tệp.",
          en: "Send a stepCode field and a file.",
        });
      }
      const content = await file.toBuffer();
      const dto = await uploadDossierScan(db, {
        user,
        storage: context.storage,
        id: request.params.id,
        stepCode,
        fileName: file.filename,
        content,
        truncated: file.file.truncated,
        now: context.now(),
      });
      reply.status(201);
      return dto;
    },
  );
  routes.get(
    "/api/dossiers/:id/documents/:documentId",
    {
      schema: {
        operationId: "downloadDossierScan",
        response: { 200: fileDownloadSchema },
        produces: ["application/octet-stream"],
        tags,
        summary: "Tải về bản scan",
        params: idParams.extend({ documentId: idSchema }),
      },
    },
    async (request, reply) => {
      const { row, content } = await downloadDossierScan(db, {
        user: requireUser(request),
        storage: context.storage,
        id: request.params.id,
        documentId: request.params.documentId,
        now: context.now(),
      });
      return sendDownload(reply, {
        fileName: row.fileName,
        contentType: row.mimeType,
        body: content,
      });
    },
  );
  routes.get(
    "/api/dossier-batches",
    {
      schema: {
        operationId: "listDossierBatches",
        response: { 200: z.array(batchSchema) },
        tags,
        summary: "Các đợt xét công nhận của tỉnh",
      },
    },
    async (request) => listBatches(db, { user: requireUser(request), now: context.now() }),
  );
  routes.post(
    "/api/dossier-batches",
    {
      schema: {
        operationId: "createDossierBatch",
        response: { 201: batchSchema },
        tags,
        summary: "Tạo đợt xét công nhận với hạn nộp",
        body: dossierBatchInputSchema,
      },
    },
    async (request, reply) => {
      const batch = await createBatch(db, { user: requireUser(request), input: request.body });
      reply.status(201);
      return batch;
    },
  );
  routes.get(
    "/api/units/:code/recognition-history",
    {
      schema: {
        operationId: "getRecognitionHistory",
        response: { 200: z.array(recognitionHistorySchema) },
        tags,
        summary: "Lịch sử mức đạt chuẩn được công nhận",
        params: z.object({ code: z.string().min(1) }),
      },
    },
    async (request) =>
      getRecognitionHistory(db, {
        user: requireUser(request),
        code: request.params.code,
        now: context.now(),
      }),
  );
  routes.get(
    "/api/mergers",
    {
      schema: {
        operationId: "listMergers",
        response: { 200: z.array(mergedUnitSchema) },
        tags,
        summary: "Xã hình thành do sáp nhập trong phạm vi (CV 267/BNN-VPĐP)",
      },
    },
    async (request) => listMergedUnits(db, { user: requireUser(request), now: context.now() }),
  );
  routes.get(
    "/api/units/:code/merger",
    {
      schema: {
        operationId: "getMerger",
        response: { 200: mergerDetailSchema },
        tags,
        summary: "Các xã sáp nhập, mức đạt chuẩn của từng xã và hướng xét công nhận xã mới",
        params: z.object({ code: z.string().min(1) }),
      },
    },
    async (request) =>
      getMerger(db, { user: requireUser(request), code: request.params.code, now: context.now() }),
  );
  routes.post(
    "/api/units/:code/merger-recognition",
    {
      schema: {
        operationId: "recogniseMergedUnit",
        response: { 201: mergerDetailSchema },
        tags,
        summary:
          "UBND tỉnh quyết định công nhận xã mới sau sáp nhập (mọi xã sáp nhập đã đạt chuẩn)",
        params: z.object({ code: z.string().min(1) }),
        body: mergerDecisionInputSchema,
      },
    },
    async (request, reply) => {
      const detail = await recogniseMergedUnit(db, {
        user: requireUser(request),
        code: request.params.code,
        input: request.body,
        now: context.now(),
      });
      reply.status(201);
      return detail;
    },
  );
  routes.get(
    "/api/watch/revocation",
    {
      schema: {
        operationId: "getRevocationWatch",
        response: { 200: watchResponseSchema },
        tags,
        summary: "Theo dõi duy trì: đơn vị thuộc diện xem xét thu hồi",
        querystring: revocationWatchQuerySchema,
      },
    },
    async (request) =>
      getRevocationWatch(db, {
        user: requireUser(request),
        unit: request.query.unit,
        year: request.query.year,
      }),
  );
  routes.get(
    "/api/dossier-regimes",
    {
      schema: {
        operationId: "listDossierRegimes",
        response: { 200: z.array(regimeVersionSchema) },
        tags,
        summary: "Quy trình hồ sơ: phiên bản hiện hành (hoặc mọi phiên bản với all=true)",
        querystring: regimeListQuerySchema,
      },
    },
    async (request) => listRegimes(db, { user: requireUser(request), all: request.query.all }),
  );
  routes.post(
    "/api/dossier-regimes",
    {
      schema: {
        operationId: "importDossierRegime",
        response: { 200: regimeImportResultSchema, 201: regimeImportResultSchema },
        tags,
        summary: "Nhập tệp quy trình hồ sơ thành phiên bản mới (quản trị tỉnh)",
        body: z.unknown(),
      },
    },
    async (request, reply) => {
      const result = await importRegime(db, {
        user: requireUser(request),
        file: request.body,
        now: context.now(),
      });
      reply.status(result.created ? 201 : 200);
      return result;
    },
  );
  routes.get(
    "/api/notification-email",
    {
      schema: {
        operationId: "getNotificationEmail",
        response: { 200: notificationEmailSchema },
        tags,
        summary: "Địa chỉ e-mail nhận thông báo hồ sơ của tài khoản",
      },
    },
    async (request) => getNotificationEmail(db, { user: requireUser(request) }),
  );
  routes.put(
    "/api/notification-email",
    {
      schema: {
        operationId: "setNotificationEmail",
        response: { 200: notificationEmailSchema },
        tags,
        summary: "Đặt hoặc xóa địa chỉ e-mail nhận thông báo hồ sơ",
        body: notificationEmailInputSchema,
      },
    },
    async (request) =>
      setNotificationEmail(db, { user: requireUser(request), email: request.body.email }),
  );
}
