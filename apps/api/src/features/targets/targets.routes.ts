import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  mapQuerySchema,
  planInputSchema,
  targetInputSchema,
  targetsQuerySchema,
  targetUpdateSchema,
  yearSchema,
  targetSchema,
  targetWithProgressSchema,
  unitTargetsResponseSchema,
  fileDownloadSchema,
  targetsDashboardResponseSchema,
  planResponseSchema,
  planRollupResponseSchema,
  departmentCriteriaStatusResponseSchema,
  unitMapResponseSchema,
  unitComparisonResponseSchema,
  departmentListItemSchema,
  idSchema,
} from "@ntm/contracts";
import type { AppContext } from "../../http/app-context.ts";
import { requireUser } from "../../http/auth-plugin.ts";
import { getTargetsDashboard, readTargetsDashboard } from "./dashboard.service.ts";
import { getUnitComparison } from "./compare.service.ts";
import { getDepartmentCriteriaStatus, listDepartments } from "./departments.service.ts";
import { getUnitMap } from "./maps.service.ts";
import {
  comparisonSheets,
  dashboardSheets,
  departmentSheets,
  rollupSheets,
} from "./tables-export.ts";
import { getPlan, getPlanRollup, savePlan } from "./plans.service.ts";
import { targetsSheets } from "./targets-export.ts";
import { sendWorkbook } from "../../shared/spreadsheets/index.ts";
import { answerCacheOf, answerView, serveAnswer } from "../../shared/answer-cache.ts";
import { notModifiedResponseSchema } from "../../shared/etag.ts";
import { currentYear } from "../../shared/clock.ts";
import { prefersEnglish } from "../../http/error-handler.ts";
import {
  createTarget,
  getTargetProgress,
  getUnitTargets,
  listTargets,
  updateTarget,
} from "./targets.service.ts";

const idParams = z.object({ id: idSchema });
const codeParams = z.object({ code: z.string().min(1) });
const planParams = z.object({ code: z.string().min(1), year: yearSchema });

export function targetsRoutes(app: FastifyInstance, context: AppContext) {
  const db = context.database.db;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["targets"];
  const answers = answerCacheOf(context);
  // The dashboard of no year asked is the current year's.
  const dashboards = answers.remembering(
    ({ code, year }) => `dashboard|${code}|${year ?? currentYear(context.now())}`,
  );

  api.get(
    "/api/targets",
    {
      schema: {
        operationId: "listTargets",
        response: { 200: z.array(targetSchema) },
        tags,
        summary: "Danh sách mục tiêu của một đơn vị và các đơn vị trực thuộc",
        querystring: z.object({ unit: z.string().min(1).optional() }),
      },
    },
    async (request) =>
      listTargets(db, { user: requireUser(request), code: request.query.unit, now: context.now() }),
  );
  api.post(
    "/api/targets",
    {
      schema: {
        operationId: "createTarget",
        response: { 201: targetSchema },
        tags,
        summary: "Đặt mục tiêu mới",
        body: targetInputSchema,
      },
    },
    async (request, reply) => {
      const created = await createTarget(db, {
        user: requireUser(request),
        input: request.body,
        now: context.now(),
      });
      return reply.code(201).send(created);
    },
  );
  api.put(
    "/api/targets/:id",
    {
      schema: {
        operationId: "updateTarget",
        response: { 200: targetSchema },
        tags,
        summary: "Sửa mục tiêu",
        params: idParams,
        body: targetUpdateSchema,
      },
    },
    async (request) =>
      updateTarget(db, {
        user: requireUser(request),
        id: request.params.id,
        version: request.body.version,
        input: request.body.target,
        now: context.now(),
      }),
  );
  api.get(
    "/api/targets/:id/progress",
    {
      schema: {
        operationId: "getTargetProgress",
        response: { 200: targetWithProgressSchema },
        tags,
        summary: "Tiến độ một mục tiêu: kết quả, khoảng cách, các xã chậm, trạng thái",
        params: idParams,
        querystring: targetsQuerySchema,
      },
    },
    async (request) =>
      getTargetProgress(db, {
        user: requireUser(request),
        id: request.params.id,
        year: request.query.year,
        now: context.now(),
      }),
  );
  api.get(
    "/api/units/:code/targets",
    {
      schema: {
        operationId: "getUnitTargets",
        response: { 200: unitTargetsResponseSchema },
        tags,
        summary: "Mục tiêu của đơn vị với tiến độ",
        params: codeParams,
        querystring: targetsQuerySchema,
      },
    },
    async (request) =>
      getUnitTargets(db, {
        user: requireUser(request),
        code: request.params.code,
        year: request.query.year,
        now: context.now(),
      }),
  );
  api.get(
    "/api/units/:code/targets.xlsx",
    {
      schema: {
        operationId: "exportUnitTargets",
        response: { 200: fileDownloadSchema },
        produces: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
        tags,
        summary: "Xuất Excel: mục tiêu, tiến độ và các xã chậm",
        params: codeParams,
        querystring: targetsQuerySchema,
      },
    },
    async (request, reply) => {
      const body = await getUnitTargets(db, {
        user: requireUser(request),
        code: request.params.code,
        year: request.query.year,
        now: context.now(),
      });
      return sendWorkbook(
        reply,
        `muc-tieu-${body.unit.code}-${body.year}.xlsx`,
        targetsSheets(body),
      );
    },
  );
  api.get(
    "/api/units/:code/dashboard",
    {
      schema: {
        operationId: "getTargetsDashboard",
        response: { 200: targetsDashboardResponseSchema, 304: notModifiedResponseSchema },
        tags,
        summary: "Bảng điều hành: xã theo mức đạt qua các năm, bản đồ nhiệt, mục tiêu, xã chậm",
        params: codeParams,
        querystring: targetsQuerySchema,
      },
      config: dashboards.config,
    },
    async (request, reply) => {
      const user = requireUser(request);
      const now = context.now();
      const { code } = request.params;
      const year = request.query.year ?? currentYear(now);
      const language = prefersEnglish(request) ? "en" : "vi";
      const remember = dashboards.name({ code, year });
      return serveAnswer(answers, request, reply, {
        key: `${remember}|${answerView(user, language)}`,
        remember,
        user,
        build: async () => {
          const read = await readTargetsDashboard(db, { user, code, year, now });
          return { ...read, answer: () => read.dashboard };
        },
      });
    },
  );
  api.get(
    "/api/units/:code/plans/:year",
    {
      schema: {
        operationId: "getCommunePlan",
        response: { 200: planResponseSchema },
        tags,
        summary: "Kế hoạch năm của xã và lộ trình lên mức",
        params: planParams,
      },
    },
    async (request) =>
      getPlan(db, {
        user: requireUser(request),
        code: request.params.code,
        year: request.params.year,
        now: context.now(),
      }),
  );
  api.put(
    "/api/units/:code/plans/:year",
    {
      schema: {
        operationId: "saveCommunePlan",
        response: { 200: planResponseSchema },
        tags,
        summary: "Lưu kế hoạch năm của xã",
        params: planParams,
        body: planInputSchema,
      },
    },
    async (request) =>
      savePlan(db, {
        user: requireUser(request),
        code: request.params.code,
        year: request.params.year,
        input: request.body,
        now: context.now(),
      }),
  );
  api.get(
    "/api/units/:code/plans/:year/rollup",
    {
      schema: {
        operationId: "getPlanRollup",
        response: { 200: planRollupResponseSchema },
        tags,
        summary: "Tổng hợp kế hoạch so với thực hiện (huyện, tỉnh)",
        params: planParams,
      },
    },
    async (request) =>
      getPlanRollup(db, {
        user: requireUser(request),
        code: request.params.code,
        year: request.params.year,
        now: context.now(),
      }),
  );
  api.get(
    "/api/departments/:id/criteria-status",
    {
      schema: {
        operationId: "getDepartmentCriteriaStatus",
        response: { 200: departmentCriteriaStatusResponseSchema },
        tags,
        summary: "Tiêu chí do sở, ngành phụ trách trên toàn tỉnh",
        params: idParams,
        querystring: targetsQuerySchema,
      },
    },
    async (request) =>
      getDepartmentCriteriaStatus(db, {
        user: requireUser(request),
        id: request.params.id,
        year: request.query.year,
        now: context.now(),
      }),
  );
  api.get(
    "/api/units/:code/dashboard.xlsx",
    {
      schema: {
        operationId: "exportTargetsDashboard",
        response: { 200: fileDownloadSchema },
        produces: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
        tags,
        summary: "Xuất Excel các bảng của bảng điều hành",
        params: codeParams,
        querystring: targetsQuerySchema,
      },
    },
    async (request, reply) => {
      const body = await getTargetsDashboard(db, {
        user: requireUser(request),
        code: request.params.code,
        year: request.query.year,
        now: context.now(),
      });
      return sendWorkbook(
        reply,
        `bang-dieu-hanh-${body.unit.code}-${body.year}.xlsx`,
        dashboardSheets(body),
      );
    },
  );
  api.get(
    "/api/units/:code/map",
    {
      schema: {
        operationId: "getUnitMap",
        response: { 200: unitMapResponseSchema },
        tags,
        summary: "Bản đồ: ranh giới các xã (hoặc đơn vị trực thuộc) với kết quả của năm",
        params: codeParams,
        querystring: mapQuerySchema,
      },
    },
    async (request) =>
      getUnitMap(db, {
        user: requireUser(request),
        code: request.params.code,
        year: request.query.year,
        show: request.query.show,
        now: context.now(),
      }),
  );
  api.get(
    "/api/units/:code/comparison",
    {
      schema: {
        operationId: "compareUnitYears",
        response: { 200: unitComparisonResponseSchema },
        tags,
        summary: "Kết quả của đơn vị qua các năm, kể cả các đơn vị đã sáp nhập vào",
        params: codeParams,
      },
    },
    async (request) =>
      getUnitComparison(db, {
        user: requireUser(request),
        code: request.params.code,
        now: context.now(),
      }),
  );
  api.get(
    "/api/units/:code/comparison.xlsx",
    {
      schema: {
        operationId: "exportUnitComparison",
        response: { 200: fileDownloadSchema },
        produces: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
        tags,
        summary: "Xuất Excel kết quả qua các năm",
        params: codeParams,
      },
    },
    async (request, reply) => {
      const body = await getUnitComparison(db, {
        user: requireUser(request),
        code: request.params.code,
        now: context.now(),
      });
      return sendWorkbook(reply, `qua-cac-nam-${body.unit.code}.xlsx`, comparisonSheets(body));
    },
  );
  api.get(
    "/api/units/:code/plans/:year/rollup.xlsx",
    {
      schema: {
        operationId: "exportPlanRollup",
        response: { 200: fileDownloadSchema },
        produces: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
        tags,
        summary: "Xuất Excel tổng hợp kế hoạch",
        params: planParams,
      },
    },
    async (request, reply) => {
      const body = await getPlanRollup(db, {
        user: requireUser(request),
        code: request.params.code,
        year: request.params.year,
        now: context.now(),
      });
      return sendWorkbook(
        reply,
        `tong-hop-ke-hoach-${body.unit.code}-${body.year}.xlsx`,
        rollupSheets(body),
      );
    },
  );
  api.get(
    "/api/departments",
    {
      schema: {
        operationId: "listDepartments",
        response: { 200: z.array(departmentListItemSchema) },
        tags,
        summary: "Các sở, ngành của tỉnh (tài khoản sở, ngành: sở của mình)",
      },
    },
    async (request) => listDepartments(db, { user: requireUser(request), now: context.now() }),
  );
  api.get(
    "/api/departments/:id/criteria-status.xlsx",
    {
      schema: {
        operationId: "exportDepartmentCriteriaStatus",
        response: { 200: fileDownloadSchema },
        produces: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
        tags,
        summary: "Xuất Excel tiêu chí do sở, ngành phụ trách",
        params: idParams,
        querystring: targetsQuerySchema,
      },
    },
    async (request, reply) => {
      const body = await getDepartmentCriteriaStatus(db, {
        user: requireUser(request),
        id: request.params.id,
        year: request.query.year,
        now: context.now(),
      });
      return sendWorkbook(
        reply,
        `so-nganh-${body.department.code}-${body.year}.xlsx`,
        departmentSheets(body),
      );
    },
  );
}
