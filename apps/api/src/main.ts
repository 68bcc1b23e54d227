import { fileURLToPath } from "node:url";
import { createDatabase } from "@ntm/db";
import { buildServer } from "./http/build-server.ts";
import { demoAccountsNotice } from "./features/demo/demo-accounts.ts";

const dataDir = process.env.NTM_DATA_DIR ?? ".data";
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";

const database = await createDatabase({
  dataDir: process.env.DATABASE_URL ? undefined : `${dataDir}/pg`,
});
const app = await buildServer({
  database,
  dataDir,
  webDist: process.env.NTM_WEB_DIST ?? fileURLToPath(new URL("../../web/dist", import.meta.url)),
  logger: true,
});

const shutdown = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);

await app.listen({ port, host });
const notice = await demoAccountsNotice(database.db);
console.log(
  `\nNTM Monitor đang chạy tại http://localhost:${port} (cơ sở dữ liệu: ${database.kind}, ${database.location})`,
);
if (notice) console.log(notice);
