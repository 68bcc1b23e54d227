export * from "./database.ts";
export * from "./server-pool.ts";
export * from "./sql-arrays.ts";
export * as tables from "./schema.ts";
export { createTestDatabase } from "./test-database.ts";
