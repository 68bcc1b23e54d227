/** Public API of the evidence feature: one list of an indicator's files for communes and villages. */
export { EvidenceList, maxEvidenceBytes, type EvidenceListProps } from "./evidence-list.tsx";
export { EvidenceQueueStatus } from "./evidence-queue-status.tsx";
