import {
  lastAppliedMigration,
  migrationJournal,
  pendingMigrations,
  type Database,
  type MigrationEntry,
} from "@ntm/db";
import type { ReadyResponse } from "@ntm/contracts";
import type { FileStorage } from "../../shared/storage/index.ts";
import { pingDatabase } from "./health.repository.ts";

let journal: MigrationEntry[] | undefined;
/** The migrations this server's code was built with, oldest first. */
function knownMigrations(): MigrationEntry[] {
  journal ??= migrationJournal();
  return journal;
}

const reasons = {
  unreachable: {
    vi: "Không kết nối được cơ sở dữ liệu.",
    en: "The database does not answer.",
  },
  pending: (count: number, expected: string) => ({
    vi: `Cơ sở dữ liệu còn ${count} bản cập nhật cấu trúc chưa áp dụng (đến ${expected}). Hãy khởi động lại một máy chủ để áp dụng.`,
    en: `The database lacks ${count} schema migration${count === 1 ? "" : "s"} (up to ${expected}). Restart one server to apply them.`,
  }),
};

/**
 * Whether this process may take requests: the database answers and carries every migration the
 * code expects. A database newer than the code (a later version started beside this one) is ready.
 */
export async function checkReadiness(
  database: Database,
  storage: FileStorage,
  english: boolean,
): Promise<ReadyResponse> {
  const known = knownMigrations();
  const expected = known.at(-1)?.tag ?? "";
  const base = { database: database.kind, storage: storage.kind };
  let last: number | null;
  try {
    await pingDatabase(database.db);
    last = await lastAppliedMigration(database.db);
  } catch {
    const reason = english ? reasons.unreachable.en : reasons.unreachable.vi;
    return {
      ...base,
      status: "not-ready",
      migrations: { expected, applied: null, pending: known.length },
      reason,
    };
  }
  const pending = pendingMigrations(known, last).length;
  const applied = known.slice(0, known.length - pending);
  const message = reasons.pending(pending, expected);
  return {
    ...base,
    status: pending === 0 ? "ready" : "not-ready",
    migrations: { expected, applied: applied.at(-1)?.tag ?? null, pending },
    reason: pending === 0 ? null : english ? message.en : message.vi,
  };
}
