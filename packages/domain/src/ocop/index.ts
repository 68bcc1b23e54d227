export * from "./catalog.ts";
export * from "./rate-product.ts";
export * from "./certificate-status.ts";
export * from "./ocop-counts.ts";
