import type { Db } from "@ntm/db";
import { lockChainHead } from "./audit-chain.ts";
import { auditRowHash, genesisHash } from "./audit-hash.ts";
import {
  findChainHead,
  findChainPage,
  findUnchainedRows,
  hasChainedRows,
  type ChainedAuditRow,
} from "./audit.repository.ts";

/** The first place where the audit log no longer matches its hash chain. */
export type AuditChainBreak =
  /** The row's content no longer gives its stored hash. */
  | { kind: "edited"; id: number; seq: number }
  /** No row holds position `seq`: it was deleted. `nextId` is the row after the gap. */
  | { kind: "deleted"; seq: number; nextId: number }
  /** The row does not name the previous row's hash: that row was rewritten, or rows were moved. */
  | { kind: "relinked"; id: number; seq: number; previousId: number | null }
  /** A row past the recorded end of the chain, or with no place in it: inserted directly. */
  | { kind: "inserted"; id: number; seq: number | null }
  /** The chain ends before its recorded end: its last rows were deleted. */
  | { kind: "truncated"; length: number; recordedLength: number }
  /** The last row's hash is not the recorded one: it was rewritten with a new hash. */
  | { kind: "head-mismatch"; id: number; seq: number }
  /** The record of the chain's end is gone. */
  | { kind: "head-missing" };

export interface AuditChainReport {
  ok: boolean;
  /** Rows checked in chain order. */
  rows: number;
  /** The hash of the last row: note it down to compare with a later run or a backup. */
  lastHash: string;
  /** Rows written before the chain existed that this run gave a place (first run only). */
  sealed: number;
  firstBreak: AuditChainBreak | null;
}

const page = 5000;

function firstBreakIn(
  rows: ChainedAuditRow[],
  state: { expectedSeq: number; prevHash: string; previousId: number | null },
  recordedLength: number | null,
): AuditChainBreak | null {
  for (const row of rows) {
    const seq = row.seq as number;
    if (recordedLength !== null && seq > recordedLength) {
      return { kind: "inserted", id: row.id, seq };
    }
    if (seq !== state.expectedSeq)
      return { kind: "deleted", seq: state.expectedSeq, nextId: row.id };
    if (row.prevHash !== state.prevHash) {
      return { kind: "relinked", id: row.id, seq, previousId: state.previousId };
    }
    const hash = auditRowHash({ ...row, seq, prevHash: row.prevHash });
    if (hash !== row.hash) return { kind: "edited", id: row.id, seq };
    state.expectedSeq = seq + 1;
    state.prevHash = row.hash;
    state.previousId = row.id;
  }
  return null;
}

/**
 * Walks the whole chain in one snapshot, recomputing every hash, and reports the first broken
 * link. The first run after the chain was introduced gives the earlier rows their place first.
 */
export async function verifyAuditChain(db: Db): Promise<AuditChainReport> {
  const sealed = await db.transaction(async (tx) => {
    if (!(await findChainHead(tx)) && (await hasChainedRows(tx))) return 0;
    return (await lockChainHead(tx)).sealed;
  });
  return db.transaction(
    async (tx) => {
      const head = await findChainHead(tx);
      const state = { expectedSeq: 1, prevHash: genesisHash, previousId: null as number | null };
      let lastSeq = 0;
      let firstBreak: AuditChainBreak | null = head ? null : { kind: "head-missing" };
      for (;;) {
        const rows = await findChainPage(tx, lastSeq, page);
        if (rows.length === 0) break;
        firstBreak ??= firstBreakIn(rows, state, head?.length ?? null);
        lastSeq = rows.at(-1)?.seq ?? lastSeq;
      }
      const checked = state.expectedSeq - 1;
      if (!firstBreak && head && checked < head.length) {
        firstBreak = { kind: "truncated", length: checked, recordedLength: head.length };
      }
      if (!firstBreak && head && checked > 0 && state.prevHash !== head.lastHash) {
        firstBreak = { kind: "head-mismatch", id: state.previousId as number, seq: checked };
      }
      if (!firstBreak) {
        const [outside] = await findUnchainedRows(tx, 0, 1);
        if (outside) firstBreak = { kind: "inserted", id: outside.id, seq: null };
      }
      return {
        ok: firstBreak === null,
        rows: checked,
        lastHash: state.prevHash,
        sealed,
        firstBreak,
      };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

/** The break in words, naming the row (Vietnamese, for the command line). */
export function describeAuditBreak(problem: AuditChainBreak): string {
  switch (problem.kind) {
    case "edited":
      return `Dòng nhật ký id ${problem.id} (vị trí ${problem.seq} trong chuỗi) đã bị sửa: nội dung không còn khớp mã băm của nó.`;
    case "deleted":
      return `Thiếu dòng ở vị trí ${problem.seq} của chuỗi (ngay trước dòng id ${problem.nextId}): dòng đó đã bị xóa.`;
    case "relinked":
      return `Dòng nhật ký id ${problem.id} (vị trí ${problem.seq}) không nối với dòng trước${problem.previousId === null ? "" : ` (id ${problem.previousId})`}: dòng trước đã bị sửa và tính lại mã băm, hoặc các dòng đã bị xóa, chèn hay đánh số lại.`;
    case "inserted":
      return problem.seq === null
        ? `Dòng nhật ký id ${problem.id} không thuộc chuỗi: dòng được chèn thẳng vào cơ sở dữ liệu.`
        : `Dòng nhật ký id ${problem.id} (vị trí ${problem.seq}) nằm sau điểm cuối đã ghi của chuỗi: dòng được chèn thêm.`;
    case "truncated":
      return `Chuỗi dừng ở vị trí ${problem.length} nhưng điểm cuối đã ghi là ${problem.recordedLength}: các dòng cuối đã bị xóa.`;
    case "head-mismatch":
      return `Dòng nhật ký cuối cùng (id ${problem.id}, vị trí ${problem.seq}) đã bị sửa và tính lại mã băm: không khớp điểm cuối đã ghi của chuỗi.`;
    case "head-missing":
      return "Mất bản ghi điểm cuối của chuỗi (bảng audit_chain_head).";
  }
}
