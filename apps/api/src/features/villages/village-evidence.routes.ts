import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { readEvidenceUpload } from "../evidence/index.ts";
import {
  evidenceSchema,
  fileDownloadSchema,
  idSchema,
  okResponseSchema,
  yearSchema,
} from "@ntm/contracts";
import type { AppContext } from "../../http/app-context.ts";
import { requireUser } from "../../http/auth-plugin.ts";
import { sendDownload } from "../../shared/download.ts";
import {
  downloadVillageEvidence,
  listVillageEvidence,
  removeVillageEvidence,
  uploadVillageEvidence,
} from "./village-evidence.service.ts";

const assessmentParams = z.object({
  code: z.string().min(1).max(30),
  setCode: z.string().min(1).max(80),
  year: yearSchema,
});
const idParams = z.object({ id: idSchema });
const listResponse = z.object({ files: z.array(evidenceSchema), canWrite: z.boolean() });
const tags = ["villages"];

export function villageEvidenceRoutes(app: FastifyInstance, context: AppContext) {
  const db = context.database.db;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const path = "/api/villages/:code/sets/:setCode/assessments/:year/evidence";
  routes.get(
    path,
    {
      schema: {
        operationId: "listVillageEvidence",
        tags,
        summary: "Các tệp minh chứng số liệu của thôn theo bộ tiêu chí và năm",
        params: assessmentParams,
        response: { 200: listResponse },
      },
    },
    async (request) => listVillageEvidence(db, { user: requireUser(request), ...request.params }),
  );
  routes.post(
    path,
    {
      schema: {
        operationId: "uploadVillageEvidence",
        tags,
        summary:
          "Tải lên tệp minh chứng cho một chỉ tiêu của thôn (multipart: indicatorCode rồi file)",
        params: assessmentParams,
        response: { 201: evidenceSchema },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const upload = await readEvidenceUpload(request);
      const dto = await uploadVillageEvidence(db, {
        user,
        storage: context.storage,
        ...request.params,
        ...upload,
      });
      return reply.status(201).send(dto);
    },
  );
  routes.get(
    "/api/village-evidence/:id",
    {
      schema: {
        operationId: "downloadVillageEvidence",
        tags,
        summary: "Tải về tệp minh chứng của thôn",
        params: idParams,
        produces: ["application/octet-stream"],
        response: { 200: fileDownloadSchema },
      },
    },
    async (request, reply) => {
      const { row, content } = await downloadVillageEvidence(db, {
        user: requireUser(request),
        storage: context.storage,
        id: request.params.id,
      });
      return sendDownload(reply, {
        fileName: row.fileName,
        contentType: row.mimeType,
        body: content,
      });
    },
  );
  routes.delete(
    "/api/village-evidence/:id",
    {
      schema: {
        operationId: "deleteVillageEvidence",
        tags,
        summary: "Xóa tệp minh chứng của thôn (ghi nhật ký)",
        params: idParams,
        response: { 200: okResponseSchema },
      },
    },
    async (request) => {
      await removeVillageEvidence(db, {
        user: requireUser(request),
        storage: context.storage,
        id: request.params.id,
      });
      return { ok: true };
    },
  );
}
