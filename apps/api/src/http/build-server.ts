import { existsSync } from "node:fs";
import { join } from "node:path";
import type { DestinationStream } from "pino";
import Fastify, { LogController, type FastifyInstance } from "fastify";
import compress from "@fastify/compress";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { jsonSchemaTransform, serializerCompiler } from "fastify-type-provider-zod";
import type { Database } from "@ntm/db";
import type { AppContext } from "./app-context.ts";
import { countRequestsInFlight } from "../shared/requests-in-flight.ts";
import { registerAuth, sessionCookie } from "./auth-plugin.ts";
import { registerAnswerCompression } from "./compress-answers.ts";
import { registerCrossSiteCheck } from "./csrf.ts";
import { docsPolicy, registerSecurityHeaders } from "./security-headers.ts";
import { trustProxyOption } from "./trust-proxy.ts";
import { pagePreloads } from "./page-preloads.ts";
import { webPageSender, webStaticOptions } from "./static-files.ts";
import { handleClientError, handleError, notFoundBody } from "./error-handler.ts";
import { registerAuthenticationFirst, registerInputGuards } from "./request-guards.ts";
import { validatorCompiler } from "./validation.ts";
import { loadConfig, type Config } from "../shared/config.ts";
import { useHolidaysFile } from "../shared/holidays.ts";
import {
  acceptOrCreateRequestId,
  registerRequestId,
  requestIdLogField,
} from "../shared/request-id.ts";
import { createFileStorage, type FileStorage } from "../shared/storage/index.ts";
import { maxEvidenceBytes } from "../features/evidence/evidence-storage.ts";
import { assessmentsRoutes } from "../features/assessments/assessments.routes.ts";
import { auditRoutes } from "../features/audit/audit.routes.ts";
import { authRoutes } from "../features/auth/auth.routes.ts";
import { catalogRoutes } from "../features/catalog/catalog.routes.ts";
import { evidenceRoutes } from "../features/evidence/evidence.routes.ts";
import { healthRoutes } from "../features/health/health.routes.ts";
import { summaryRoutes } from "../features/summary/summary.routes.ts";
import { targetsRoutes } from "../features/targets/targets.routes.ts";
import { unitsRoutes } from "../features/units/units.routes.ts";
import { reformImportRoutes } from "../features/units/reform-import.routes.ts";
import { unitEditRoutes } from "../features/units/unit-edit.routes.ts";
import { usersRoutes } from "../features/users/users.routes.ts";
import { accountsRoutes } from "../features/users/accounts.routes.ts";
import { dossierFilingRoutes, dossiersRoutes } from "../features/dossiers/index.ts";
import { importRoutes, reportsRoutes } from "../features/reports/index.ts";
import { tasksRoutes } from "../features/tasks/index.ts";
import { villageRoutes } from "../features/villages/index.ts";
import { ocopRoutes } from "../features/ocop/index.ts";
import { publicationRoutes, publicRoutes } from "../features/public/index.ts";
import { feedbackRoutes } from "../features/feedback/index.ts";
import {
  createInProcessQueue,
  jobHandlers,
  jobsRoutes,
  type JobQueue,
} from "../features/jobs/index.ts";

export interface ServerOptions {
  database: Database;
  dataDir: string;
  /** Built web app to serve at "/", when present. */
  webDist?: string | undefined;
  logger?: boolean;
  /** Where log lines go instead of standard output (tests read them). */
  logStream?: DestinationStream;
  /** Uploaded files; by default the bucket of NTM_S3_* or else the data folder. */
  storage?: FileStorage;
  /** The settings read at start; the defaults when absent. */
  config?: Config;
  now?: () => Date;
  /** The job runner the caller starts and stops; by default one in this process. */
  jobs?: JobQueue;
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const config = options.config ?? loadConfig({});
  useHolidaysFile(config.holidaysFile);
  const app = Fastify({
    logger:
      options.logger || options.logStream
        ? { level: config.logLevel, ...(options.logStream ? { stream: options.logStream } : {}) }
        : false,
    genReqId: acceptOrCreateRequestId,
    logController: new LogController({ requestIdLogLabel: requestIdLogField }),
    bodyLimit: 1024 * 1024,
    // Errors raised before routing (a bad URL, an overlong path part) and requests Node's parser
    // refuses get the product's error shape too.
    frameworkErrors: handleError,
    clientErrorHandler: handleClientError,
    // Only a configured proxy may name the client's address and protocol (X-Forwarded-*).
    trustProxy: trustProxyOption(config.trustProxy),
  });
  const storage =
    options.storage ?? createFileStorage({ dataDir: options.dataDir, storage: config.storage });
  const context: AppContext = {
    database: options.database,
    dataDir: options.dataDir,
    storage,
    config,
    now: options.now ?? (() => new Date()),
    jobs:
      options.jobs ??
      createInProcessQueue(options.database.db, jobHandlers(config, storage), {
        now: options.now ?? (() => new Date()),
        recoverInterrupted: false,
      }),
  };
  if (!options.jobs) {
    await context.jobs.start(app.log);
    app.addHook("onClose", () => context.jobs.stop());
  }
  countRequestsInFlight(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  registerRequestId(app);
  registerInputGuards(app);
  // Scorecards are large JSON documents; phones on slow mountain links get them compressed.
  registerAnswerCompression(app);
  await app.register(compress, { threshold: 1024 });
  await app.register(cookie);
  registerSecurityHeaders(app);
  registerCrossSiteCheck(app, config.publicUrl);
  await app.register(multipart, { limits: { fileSize: maxEvidenceBytes, files: 1, fields: 5 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: "NTM Monitor API",
        description:
          "API theo dõi Chương trình MTQG xây dựng nông thôn mới. Lỗi luôn có dạng {error:{code,message}}; message bằng tiếng Việt (tiếng Anh khi gửi Accept-Language: en).",
        version: "0.1.0",
      },
      servers: [{ url: "/", description: "Máy chủ đang phục vụ tài liệu này" }],
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: sessionCookie },
        },
      },
      // Every operation needs the session cookie from POST /api/auth/login, but those marked public.
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: "/api/docs",
    staticCSP: true,
    transformStaticCSP: docsPolicy,
  });
  registerAuth(app, options.database.db, { now: context.now, limits: config.session });
  registerAuthenticationFirst(app);

  for (const register of [
    healthRoutes,
    authRoutes,
    usersRoutes,
    accountsRoutes,
    unitsRoutes,
    reformImportRoutes,
    unitEditRoutes,
    catalogRoutes,
    assessmentsRoutes,
    evidenceRoutes,
    summaryRoutes,
    targetsRoutes,
    auditRoutes,
    dossiersRoutes,
    dossierFilingRoutes,
    importRoutes,
    reportsRoutes,
    tasksRoutes,
    villageRoutes,
    ocopRoutes,
    feedbackRoutes,
    jobsRoutes,
    publicationRoutes,
    publicRoutes,
  ]) {
    register(app, context);
  }

  const webDist = options.webDist;
  const hasWeb = webDist !== undefined && existsSync(join(webDist, "index.html"));
  if (hasWeb) {
    await app.register(fastifyStatic, webStaticOptions(webDist));
  }
  const sendPage = hasWeb
    ? webPageSender(webDist, (request) =>
        pagePreloads(request, {
          db: options.database.db,
          now: context.now(),
          limits: config.session,
        }),
      )
    : null;
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith("/api/") || !sendPage || request.method !== "GET") {
      return reply.status(404).send(notFoundBody(request));
    }
    return sendPage(request, reply);
  });
  return app;
}
