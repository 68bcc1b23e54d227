export { auditRoutes } from "./audit.routes.ts";
export { findAuditEntries } from "./audit.repository.ts";
export {
  describeAuditBreak,
  verifyAuditChain,
  type AuditChainBreak,
  type AuditChainReport,
} from "./audit-verify.ts";
