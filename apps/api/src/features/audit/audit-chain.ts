import type { DbOrTx } from "@ntm/db";
import { AppError } from "../../http/app-error.ts";
import {
  auditRowHash,
  canonicalJson,
  canonicalRowHash,
  formatAuditTime,
  genesisHash,
  type AuditRowFields,
} from "./audit-hash.ts";
import {
  findChainHead,
  findUnchainedRows,
  hasChainedRows,
  insertAuditRows,
  lockAuditChain,
  saveChainHead,
  setChainFields,
} from "./audit.repository.ts";

/** One audit row to append, before it has a place in the chain. */
export interface AuditRowInput extends AuditRowFields {
  at: Date;
}

interface Head {
  length: number;
  lastHash: string;
}

interface LockedHead extends Head {
  /** Earlier rows given their place by this call (only the first time). */
  sealed: number;
}

const sealPage = 5000;

/**
 * Gives every row written before the chain existed (or restored from an older backup) its place,
 * in id order, and creates the head. Runs once: afterwards a row without a place is one that was
 * inserted around the application, and `verifyAuditChain` names it.
 */
async function sealEarlierRows(tx: DbOrTx, now: Date): Promise<Head> {
  let head: Head = { length: 0, lastHash: genesisHash };
  for (let afterId = 0; ;) {
    const page = await findUnchainedRows(tx, afterId, sealPage);
    if (page.length === 0) break;
    const sealed = page.map((row) => {
      const seq = head.length + 1;
      const hash = auditRowHash({ ...row, seq, prevHash: head.lastHash });
      const link = { id: row.id, seq, prevHash: head.lastHash, hash };
      head = { length: seq, lastHash: hash };
      return link;
    });
    await setChainFields(tx, sealed);
    afterId = page.at(-1)?.id ?? afterId;
  }
  await saveChainHead(tx, { ...head, updatedAt: now });
  return head;
}

/** Locks the chain and returns its end, sealing earlier rows the first time. */
export async function lockChainHead(tx: DbOrTx, now = new Date()): Promise<LockedHead> {
  await lockAuditChain(tx);
  const head = await findChainHead(tx);
  if (head) return { ...head, sealed: 0 };
  if (await hasChainedRows(tx)) {
    throw new AppError({
      code: "INTERNAL",
      vi: "Nhật ký thay đổi mất điểm cuối của chuỗi băm nên không thể ghi tiếp. Hãy chạy ntm audit verify và khôi phục từ bản sao lưu.",
      en: "The audit log's chain head is missing, so nothing can be appended. Run ntm audit verify and restore from a backup.",
    });
  }
  const sealed = await sealEarlierRows(tx, now);
  return { ...sealed, sealed: sealed.length };
}

/**
 * Appends rows to the chain inside the caller's transaction: each row gets the next position,
 * the previous row's hash and its own. The lock is held until the transaction ends, so two
 * writers never link to the same previous row.
 */
export async function appendAuditRows(tx: DbOrTx, rows: readonly AuditRowInput[]) {
  if (rows.length === 0) return;
  let head: Head = await lockChainHead(tx);
  const stored = rows.map((row) => {
    const seq = head.length + 1;
    // Each value's canonical text is what the hash covers and what the insert stores: jsonb keeps
    // exactly that value, so the verification recomputes the same text from the stored row.
    const oldJson = canonicalJson(row.oldValue);
    const newJson = canonicalJson(row.newValue);
    const at = formatAuditTime(row.at);
    const hash = canonicalRowHash({ ...row, seq, at, oldJson, newJson, prevHash: head.lastHash });
    const chained = { ...row, oldJson, newJson, seq, prevHash: head.lastHash, hash };
    head = { length: seq, lastHash: hash };
    return chained;
  });
  await insertAuditRows(tx, stored);
  await saveChainHead(tx, { ...head, updatedAt: rows.at(-1)?.at ?? new Date() });
}
