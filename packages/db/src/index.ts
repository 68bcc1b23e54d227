export * from "./database.ts";
export * as tables from "./schema.ts";
export { createTestDatabase } from "./test-database.ts";
