import { readFileSync } from "node:fs";
import { join } from "node:path";
import { migrationsFolder, type Database } from "@ntm/db";
import type { ReadyResponse } from "@ntm/contracts";
import type { FileStorage } from "../../shared/storage/index.ts";
import { lastAppliedMigration, pingDatabase } from "./health.repository.ts";

interface JournalEntry {
  tag: string;
  when: number;
}

let journal: JournalEntry[] | undefined;
/** The migrations this server's code was built with, oldest first. */
function knownMigrations(): JournalEntry[] {
  journal ??= (
    JSON.parse(readFileSync(join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
      entries: JournalEntry[];
    }
  ).entries;
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
  const applied = known.filter((entry) => last !== null && entry.when <= last);
  const pending = known.length - applied.length;
  const message = reasons.pending(pending, expected);
  return {
    ...base,
    status: pending === 0 ? "ready" : "not-ready",
    migrations: { expected, applied: applied.at(-1)?.tag ?? null, pending },
    reason: pending === 0 ? null : english ? message.en : message.vi,
  };
}
