// What other features, the server and the command line use of the OCOP registry.
export { ocopRoutes } from "./ocop.routes.ts";
export { registerProduct } from "./register-product.ts";
export { resyncOcopRegistry } from "./resync-registry.ts";
export { importProducts } from "./import-products.ts";
export { ocopColumns } from "./ocop-sheet.ts";
export { revokeProduct } from "./change-product.ts";
export { ocopExpiryTasks, sendOcopNotices } from "./ocop-notices.ts";
export { ocopTargetFigures } from "./ocop-target-figures.ts";
export { ocopSourcedIndicatorsOf } from "./ocop-sourced.ts";
