export { auditRoutes } from "./audit.routes.ts";
export { findAuditEntries } from "./value-history.ts";
export {
  describeAuditBreak,
  verifyAuditChain,
  type AuditChainBreak,
  type AuditChainReport,
} from "./audit-verify.ts";
