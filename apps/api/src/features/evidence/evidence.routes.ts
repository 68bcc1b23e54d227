import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  yearSchema,
  evidenceSchema,
  fileDownloadSchema,
  idSchema,
  okResponseSchema,
} from "@ntm/contracts";
import type { AppContext } from "../../http/app-context.ts";
import { requireUser } from "../../http/auth-plugin.ts";
import { sendDownload } from "../../shared/download.ts";
import { downloadEvidence, removeEvidence, uploadEvidence } from "./evidence.service.ts";
import { readEvidenceUpload } from "./read-evidence-upload.ts";

const idParams = z.object({ id: idSchema });

export function evidenceRoutes(app: FastifyInstance, context: AppContext) {
  const db = context.database.db;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.post(
    "/api/units/:code/assessments/:year/evidence",
    {
      schema: {
        operationId: "uploadEvidence",
        response: { 201: evidenceSchema },
        tags: ["evidence"],
        summary: "Tải lên tệp minh chứng (multipart: indicatorCode rồi file)",
        params: z.object({ code: z.string().min(1), year: yearSchema }),
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const upload = await readEvidenceUpload(request);
      const dto = await uploadEvidence(db, {
        user,
        storage: context.storage,
        code: request.params.code,
        year: request.params.year,
        ...upload,
      });
      reply.status(201);
      return dto;
    },
  );
  routes.get(
    "/api/evidence/:id",
    {
      schema: {
        operationId: "downloadEvidence",
        response: { 200: fileDownloadSchema },
        produces: ["application/octet-stream"],
        tags: ["evidence"],
        summary: "Tải về tệp minh chứng",
        params: idParams,
      },
    },
    async (request, reply) => {
      const { row, content } = await downloadEvidence(db, {
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
    "/api/evidence/:id",
    {
      schema: {
        operationId: "deleteEvidence",
        response: { 200: okResponseSchema },
        tags: ["evidence"],
        summary: "Xóa tệp minh chứng",
        params: idParams,
      },
    },
    async (request) => {
      await removeEvidence(db, {
        user: requireUser(request),
        storage: context.storage,
        id: request.params.id,
      });
      return { ok: true };
    },
  );
}
