import { type ScorecardResponse, scorecardResponseSchema } from "@ntm/contracts";
import type { QueryClient } from "@tanstack/react-query";
import { apiRequest, isApiError } from "../../lib/api-client.ts";
import { queryRoots } from "../../lib/query-keys.ts";
import { deviceDb, type AssessmentKey, type EvidenceKey, type EvidenceRow } from "./device-db.ts";
import { evidenceUploadPath } from "./evidence-target.ts";
import {
  findConflicts,
  nextToSend,
  planQueue,
  resolveConflicts,
  type Choice,
  type OutboxEntry,
  type OutboxValue,
} from "./outbox-plan.ts";
import { storeScorecardAnswer } from "../scorecard/index.ts";
import { serverSideOf } from "./server-values.ts";
import { getSyncSnapshot, markOffline, markOnline, markSynced, updateSync } from "./sync-store.ts";

const retryMs = 15_000;

let queryClient: QueryClient | null = null;
let currentUser: string | null = null;
let running = false;
let again = false;
let current: Promise<void> | null = null;
let retryTimer: ReturnType<typeof setTimeout> | undefined;

const unitPath = (code: string) => `/api/units/${encodeURIComponent(code)}`;

export function configureSync(options: {
  queryClient: QueryClient | null;
  user: string | null;
}): void {
  queryClient = options.queryClient;
  currentUser = options.user;
}

/** Queues values of one assessment; they are sent in order as soon as the link allows. */
export async function queueValues(
  key: AssessmentKey,
  version: number,
  values: OutboxValue[],
): Promise<void> {
  if (values.length === 0) return;
  await deviceDb.transaction("rw", deviceDb.outbox, async () => {
    const entries = await deviceDb.outbox
      .where("[user+unitCode+year]")
      .equals([key.user, key.unitCode, key.year])
      .toArray();
    const plan = planQueue(entries, { ...key, version, values }, Date.now());
    if (plan.kind === "merge") await deviceDb.outbox.update(plan.seq, { values: plan.values });
    else await deviceDb.outbox.add(plan.entry);
  });
  kickSync();
}

/**
 * Keeps a photo or document for an indicator of a commune or a village on the device (the caller
 * checks the size); files are uploaded one by one in the order chosen, after the values of their
 * assessment.
 */
export async function queueEvidence(key: EvidenceKey, indicatorCode: string, file: File) {
  await deviceDb.evidence.add({
    ...key,
    indicatorCode,
    file,
    name: file.name,
    createdAt: Date.now(),
  });
  kickSync();
}

/** Starts sending unless a run is under way; a run started meanwhile makes it go round again. */
export function kickSync(): void {
  if (running) {
    again = true;
    return;
  }
  clearTimeout(retryTimer);
  running = true;
  current = run().finally(() => {
    running = false;
    current = null;
    if (again) {
      again = false;
      kickSync();
    }
  });
}

/** Resolves once no run is under way (a run started meanwhile included). */
export async function syncSettled(): Promise<void> {
  while (current) await current;
}

function retryLater(): void {
  clearTimeout(retryTimer);
  retryTimer = setTimeout(kickSync, retryMs);
}

async function run(): Promise<void> {
  const user = currentUser;
  if (!user || getSyncSnapshot().sessionExpired) return;
  for (;;) {
    const entries = await deviceDb.outbox.where("user").equals(user).toArray();
    const entry = nextToSend(entries, user);
    if (!entry) break;
    updateSync({ phase: "sending" });
    const outcome = await sendEntry(entry);
    if (outcome !== "next") return;
  }
  for (;;) {
    const upload = await deviceDb.evidence
      .where("user")
      .equals(user)
      .filter((row) => !row.error)
      .first();
    if (!upload) break;
    const blocked = await deviceDb.outbox
      .where("[user+unitCode+year]")
      .equals([upload.user, upload.unitCode, upload.year])
      .count();
    if (blocked > 0) break;
    updateSync({ phase: "sending" });
    const outcome = await sendEvidence(upload);
    if (outcome !== "next") return;
  }
  updateSync({ phase: "idle", error: null });
}

type Outcome = "next" | "stop";

/** Network and session failures stop the run; the entry stays and goes again later. */
function stopOn(error: unknown): Outcome | null {
  if (isApiError(error, "NETWORK")) {
    markOffline();
    updateSync({ phase: "offline" });
    retryLater();
    return "stop";
  }
  if (isApiError(error) && error.status === 401) {
    updateSync({ phase: "auth", sessionExpired: true });
    return "stop";
  }
  if (isApiError(error) && (error.status >= 500 || error.status === 429)) {
    updateSync({ phase: "error", error: error.message });
    retryLater();
    return "stop";
  }
  return null;
}

function refreshAfterSave(unitCode: string, year: number) {
  void queryClient?.invalidateQueries({ queryKey: [queryRoots.history, unitCode, year] });
  void queryClient?.invalidateQueries({ queryKey: [queryRoots.summary] });
}

async function sendEntry(entry: OutboxEntry): Promise<Outcome> {
  try {
    const response = await apiRequest(
      `${unitPath(entry.unitCode)}/assessments/${entry.year}/values`,
      {
        schema: scorecardResponseSchema,
        method: "PUT",
        json: {
          version: entry.version,
          values: entry.values.map(({ indicatorCode, value, note }) =>
            note === undefined ? { indicatorCode, value } : { indicatorCode, value, note },
          ),
        },
      },
    );
    await deviceDb.outbox.delete(entry.seq);
    if (queryClient)
      storeScorecardAnswer(queryClient, { code: entry.unitCode, year: entry.year }, response);
    refreshAfterSave(entry.unitCode, entry.year);
    markOnline();
    markSynced();
    updateSync({ lastSentAt: Date.now(), error: null });
    return "next";
  } catch (error) {
    const stop = stopOn(error);
    if (stop) return stop;
    if (isApiError(error, "VERSION_CONFLICT")) return settleConflict(entry);
    await deviceDb.outbox.update(entry.seq, {
      state: "rejected",
      error: isApiError(error)
        ? [error.message, ...error.details.map((detail) => detail.message)].join("\n")
        : String(error),
    });
    return "next";
  }
}

/** Reads the server's values: what it kept is sent again on its version, the rest waits for a choice. */
async function settleConflict(entry: OutboxEntry): Promise<Outcome> {
  let current: ScorecardResponse;
  try {
    current = await apiRequest(`${unitPath(entry.unitCode)}/scorecard?year=${entry.year}`, {
      schema: scorecardResponseSchema,
    });
  } catch (error) {
    return stopOn(error) ?? "stop";
  }
  if (queryClient)
    storeScorecardAnswer(queryClient, { code: entry.unitCode, year: entry.year }, current);
  const server = serverSideOf(current);
  const { rebased, conflicts } = findConflicts(entry.values, server);
  if (rebased.length === 0) {
    await deviceDb.outbox.delete(entry.seq);
    return "next";
  }
  if (conflicts.length === 0) {
    await deviceDb.outbox.update(entry.seq, { version: server.version, values: rebased });
    return "next";
  }
  await deviceDb.outbox.update(entry.seq, {
    state: "conflict",
    values: rebased,
    conflicts,
    serverVersion: server.version,
  });
  return "next";
}

/** The officer's choice per conflicting indicator; the entry is then sent on the server's version. */
export async function resolveEntry(seq: number, choices: Record<string, Choice>): Promise<void> {
  const entry = await deviceDb.outbox.get(seq);
  if (!entry || entry.state !== "conflict") return;
  const values = resolveConflicts(entry, choices);
  if (values.length === 0) {
    await deviceDb.outbox.delete(seq);
  } else {
    await deviceDb.outbox.put({
      seq: entry.seq,
      user: entry.user,
      unitCode: entry.unitCode,
      year: entry.year,
      createdAt: entry.createdAt,
      version: entry.serverVersion ?? entry.version,
      values,
      state: "waiting",
    });
  }
  kickSync();
}

/** Drops an entry the server refused (the officer keeps the values as drafts to fix, or not). */
export async function dropEntry(seq: number): Promise<void> {
  await deviceDb.outbox.delete(seq);
  kickSync();
}

/** Removes a file from the device's queue: one the server refused, or one the officer no longer wants. */
export async function dropEvidence(seq: number): Promise<void> {
  await deviceDb.evidence.delete(seq);
}

/** A refusal (too big, wrong type, no right) stays with the server's reason until the officer removes it. */
async function sendEvidence(upload: EvidenceRow): Promise<Outcome> {
  const form = new FormData();
  // The server reads the fields in order: the indicator must come before the file.
  form.append("indicatorCode", upload.indicatorCode);
  form.append("file", upload.file, upload.name);
  try {
    await apiRequest(evidenceUploadPath(upload), { method: "POST", form });
    await deviceDb.evidence.delete(upload.seq);
    void queryClient?.invalidateQueries({
      queryKey:
        upload.setCode === undefined
          ? [queryRoots.scorecard, upload.unitCode, upload.year]
          : [queryRoots.villages, "evidence", upload.unitCode, upload.setCode, upload.year],
    });
    markOnline();
    updateSync({ lastSentAt: Date.now() });
    return "next";
  } catch (error) {
    const stop = stopOn(error);
    if (stop) return stop;
    await deviceDb.evidence.update(upload.seq, {
      error: isApiError(error) ? error.message : String(error),
    });
    return "next";
  }
}
