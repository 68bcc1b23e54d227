import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  consolidatedQuerySchema,
  escalateInputSchema,
  generateInputSchema,
  obstacleInputSchema,
  obstaclesQuerySchema,
  openPeriodsResultSchema,
  ratesQuerySchema,
  reportTypeInputSchema,
  reportsQuerySchema,
  resolveInputSchema,
  returnInputSchema,
  submitInputSchema,
  idSchema,
  reportTypeSchema,
  reportSubmissionSchema,
  ratesResponseSchema,
  reminderSchema,
  fileDownloadSchema,
  obstacleSchema,
  remindInputSchema,
  remindResultSchema,
  reportsExportQuerySchema,
} from "@ntm/contracts";
import type { AppContext } from "../../http/app-context.ts";
import { requireUser } from "../../http/auth-plugin.ts";
import { sendDownload } from "../../shared/download.ts";
import { consolidatedFile } from "./consolidation.service.ts";
import { listObstacles } from "./list-obstacles.ts";
import { escalateObstacle, resolveObstacle } from "./move-obstacle.ts";
import { raiseObstacle } from "./raise-obstacle.ts";
import { createReportType } from "./create-report-type.ts";
import { getRates } from "./get-rates.ts";
import { getReminders } from "./get-reminders.ts";
import { getSubmission } from "./get-submission.ts";
import { listReportTypes } from "./list-report-types.ts";
import { listSubmissions } from "./list-submissions.ts";
import { openDuePeriods } from "./open-due-periods.ts";
import { openReportPeriod } from "./open-report-period.ts";
import { returnReport } from "./return-report.ts";
import { remindReports } from "./remind-reports.ts";
import { exportSubmissions } from "./export-submissions.ts";
import { sendWorkbook } from "../../shared/spreadsheets/index.ts";
import { submitReport } from "./submit-report.ts";
import { today as localDate } from "../../shared/clock.ts";

const idParams = z.object({ id: idSchema });

export function reportsRoutes(app: FastifyInstance, context: AppContext) {
  const db = context.database.db;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["reports"];
  routes.get(
    "/api/report-types",
    {
      schema: {
        operationId: "listReportTypes",
        response: { 200: z.array(reportTypeSchema) },
        tags,
        summary: "Các loại báo cáo định kỳ",
      },
    },
    async (request) => {
      return listReportTypes(db, {
        user: requireUser(request),
        today: localDate(context.now()),
      });
    },
  );
  routes.post(
    "/api/report-types",
    {
      schema: {
        operationId: "createReportType",
        response: { 201: reportTypeSchema },
        tags,
        summary: "Tạo loại báo cáo (kỳ, hạn nộp, đơn vị nộp)",
        body: reportTypeInputSchema,
      },
    },
    async (request, reply) => {
      reply.status(201);
      return createReportType(db, {
        user: requireUser(request),
        input: request.body,
        now: context.now(),
      });
    },
  );
  routes.post(
    "/api/reports/generate",
    {
      schema: {
        operationId: "generateReports",
        response: { 200: z.array(reportSubmissionSchema) },
        tags,
        summary: "Mở một kỳ báo cáo (hoặc một yêu cầu đột xuất)",
        body: generateInputSchema,
      },
    },
    async (request) => {
      const user = requireUser(request);
      await openReportPeriod(db, {
        user,
        typeId: request.body.typeId,
        periodKey: request.body.period,
        now: context.now(),
      });
      return listSubmissions(db, {
        user,
        now: context.now(),
        period: request.body.period,
        type: request.body.typeId,
      });
    },
  );
  routes.post(
    "/api/report-periods/open",
    {
      schema: {
        operationId: "openReportPeriod",
        tags,
        summary: "Mở các kỳ báo cáo đã kết thúc của các loại báo cáo mà đơn vị nhận",
        response: { 200: openPeriodsResultSchema },
      },
    },
    async (request) =>
      openDuePeriods(db, { user: requireUser(request), date: localDate(context.now()) }),
  );
  routes.get(
    "/api/reports",
    {
      schema: {
        operationId: "listReports",
        response: { 200: z.array(reportSubmissionSchema) },
        tags,
        summary: "Báo cáo theo kỳ và đơn vị",
        querystring: reportsQuerySchema,
      },
    },
    async (request) =>
      listSubmissions(db, { user: requireUser(request), now: context.now(), ...request.query }),
  );
  routes.get(
    "/api/reports/rates",
    {
      schema: {
        operationId: "getReportRates",
        response: { 200: ratesResponseSchema },
        tags,
        summary: "Bảng tỷ lệ báo cáo: đúng hạn, trễ hạn, chưa nộp",
        querystring: ratesQuerySchema,
      },
    },
    async (request) =>
      getRates(db, {
        user: requireUser(request),
        typeId: request.query.type,
        period: request.query.period,
        year: request.query.year,
        now: context.now(),
      }),
  );
  routes.get(
    "/api/reports/reminders",
    {
      schema: {
        operationId: "listReportReminders",
        response: { 200: z.array(reminderSchema) },
        tags,
        summary: "Nhắc hạn nộp báo cáo",
      },
    },
    async (request) => getReminders(db, { user: requireUser(request), now: context.now() }),
  );
  routes.get(
    "/api/reports/consolidated",
    {
      schema: {
        operationId: "getConsolidatedReport",
        response: { 200: fileDownloadSchema },
        produces: [
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ],
        tags,
        summary: "Báo cáo tổng hợp của tỉnh cho một kỳ (DOCX) hoặc phụ lục số liệu (XLSX)",
        querystring: consolidatedQuerySchema,
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { type, period, format } = request.query;
      return sendDownload(
        reply,
        await consolidatedFile(db, {
          user,
          typeId: type,
          periodKey: period,
          format,
          now: context.now(),
        }),
      );
    },
  );
  routes.post(
    "/api/reports/remind",
    {
      schema: {
        operationId: "remindReports",
        response: { 200: remindResultSchema },
        tags,
        summary: "Nhắc nộp báo cáo: trong ứng dụng (Việc của tôi) và bằng thư điện tử",
        body: remindInputSchema,
      },
    },
    async (request) =>
      remindReports(db, {
        user: requireUser(request),
        ids: request.body.ids,
        now: context.now(),
        mail: context.config.mail,
      }),
  );
  routes.get(
    "/api/reports/export",
    {
      schema: {
        operationId: "exportReports",
        response: { 200: fileDownloadSchema },
        produces: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
        tags,
        summary: "Xuất Excel các báo cáo đã chọn trong danh sách",
        querystring: reportsExportQuerySchema,
      },
    },
    async (request, reply) => {
      const sheet = await exportSubmissions(db, {
        user: requireUser(request),
        ids: request.query.ids.split(",").map(Number),
        now: context.now(),
      });
      return sendWorkbook(reply, "bao-cao-da-chon.xlsx", [sheet]);
    },
  );
  routes.get(
    "/api/reports/:id",
    {
      schema: {
        operationId: "getReport",
        response: { 200: reportSubmissionSchema },
        tags,
        summary: "Một báo cáo với số liệu dự thảo hoặc đã chốt",
        params: idParams,
      },
    },
    async (request) =>
      getSubmission(db, { user: requireUser(request), id: request.params.id, now: context.now() }),
  );
  routes.post(
    "/api/reports/:id/submit",
    {
      schema: {
        operationId: "submitReport",
        response: { 200: reportSubmissionSchema },
        tags,
        summary: "Nộp báo cáo (chốt số liệu)",
        params: idParams,
        body: submitInputSchema,
      },
    },
    async (request) =>
      submitReport(db, {
        user: requireUser(request),
        id: request.params.id,
        ...request.body,
        now: context.now(),
      }),
  );
  routes.post(
    "/api/reports/:id/return",
    {
      schema: {
        operationId: "returnReport",
        response: { 200: reportSubmissionSchema },
        tags,
        summary: "Trả lại báo cáo để chỉnh sửa",
        params: idParams,
        body: returnInputSchema,
      },
    },
    async (request) =>
      returnReport(db, {
        user: requireUser(request),
        id: request.params.id,
        reason: request.body.reason,
        now: context.now(),
      }),
  );
  routes.get(
    "/api/obstacles",
    {
      schema: {
        operationId: "listObstacles",
        response: { 200: z.array(obstacleSchema) },
        tags,
        summary: "Khó khăn, vướng mắc trong phạm vi",
        querystring: obstaclesQuerySchema,
      },
    },
    async (request) => {
      const { overdue, ...rest } = request.query;
      return listObstacles(db, {
        user: requireUser(request),
        now: context.now(),
        filter: { ...rest, ...(overdue ? { overdue: overdue === "true" } : {}) },
      });
    },
  );
  routes.post(
    "/api/obstacles",
    {
      schema: {
        operationId: "reportObstacle",
        response: { 201: obstacleSchema },
        tags,
        summary: "Báo cáo một khó khăn, vướng mắc",
        body: obstacleInputSchema,
      },
    },
    async (request, reply) => {
      reply.status(201);
      return raiseObstacle(db, {
        user: requireUser(request),
        input: request.body,
        now: context.now(),
      });
    },
  );
  routes.post(
    "/api/obstacles/:id/escalate",
    {
      schema: {
        operationId: "escalateObstacle",
        response: { 200: obstacleSchema },
        tags,
        summary: "Chuyển lên cấp có thẩm quyền",
        params: idParams,
        body: escalateInputSchema,
      },
    },
    async (request) =>
      escalateObstacle(db, {
        user: requireUser(request),
        id: request.params.id,
        now: context.now(),
        ...request.body,
      }),
  );
  routes.post(
    "/api/obstacles/:id/resolve",
    {
      schema: {
        operationId: "resolveObstacle",
        response: { 200: obstacleSchema },
        tags,
        summary: "Trả lời, giải quyết",
        params: idParams,
        body: resolveInputSchema,
      },
    },
    async (request) =>
      resolveObstacle(db, {
        user: requireUser(request),
        id: request.params.id,
        now: context.now(),
        answer: request.body.answer,
      }),
  );
}
