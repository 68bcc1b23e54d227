import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance, InjectOptions } from "fastify";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tables } from "@ntm/db";
import type {
  DossierFeedbackSummary,
  FeedbackItemDto,
  FeedbackListResponse,
  MyTasksResponse,
  PublicPostingsResponse,
} from "@ntm/contracts";
import { buildServer } from "../../http/build-server.ts";
import { createTestApp, loginAs, testPassword, type TestApp } from "../../test/test-app.ts";
import { systemUser } from "../auth/index.ts";
import { createUser } from "../users/index.ts";

/** The Front's comments are recorded at 15:00 on 15/6/2024 in Viet Nam: posting runs 15–29/6. */
const postingDay = new Date("2024-06-15T08:00:00Z");
const afterPosting = new Date("2024-06-30T03:00:00Z");

let t: TestApp;
/** A second server on the same database, as behind a load balancer. */
let second: FastifyInstance;
/** A server on the same database the day after the posting period. */
let later: FastifyInstance;
let dossierId: number;
let unpostedId: number;
const cookies: Record<string, string> = {};

async function call(username: string, options: InjectOptions, app = t.app) {
  cookies[username] ??= await loginAs(t.app, username);
  return app.inject({ ...options, headers: { ...options.headers, cookie: cookies[username] } });
}

function send(id: number, payload: object, address = "203.0.113.7", app = t.app) {
  return app.inject({
    method: "POST",
    url: `/api/public/dossiers/${id}/feedback`,
    payload,
    remoteAddress: address,
  });
}

const comment = { text: "Đường trục thôn 3 còn lầy lội khi mưa, chưa đạt như báo cáo." };

async function feedbackRows(id: number) {
  const f = tables.dossierFeedback;
  return t.database.db.select().from(f).where(eq(f.dossierId, id));
}

async function publishPostings(provinceCode: string, year: number) {
  await t.database.db.insert(tables.settings).values({
    key: `publication:${provinceCode}`,
    value: { entries: [{ year, kinds: ["postings"] }], updatedBy: "admin", updatedAt: "" },
  });
}

beforeAll(async () => {
  t = await createTestApp({ now: postingDay });
  second = await buildServer({
    database: t.database,
    dataDir: mkdtempSync(join(tmpdir(), "ntm-second-")),
    now: () => postingDay,
  });
  later = await buildServer({
    database: t.database,
    dataDir: mkdtempSync(join(tmpdir(), "ntm-later-")),
    now: () => afterPosting,
  });
  for (const [username, role, unitCode] of [
    ["mttq1", "fatherland_front", "X01"],
    ["xa2", "commune_officer", "X02"],
  ] as const) {
    await createUser(t.database.db, {
      input: { username, password: testPassword, role, unitCode },
      by: systemUser,
    });
  }
  const batch = await call("vpdp", {
    method: "POST",
    url: "/api/dossier-batches",
    payload: { provinceCode: "P01", name: "Đợt 1", year: 2024, deadline: "2024-11-30" },
  });
  const file = (unitCode: string, username: string) =>
    call(username, {
      method: "POST",
      url: "/api/dossiers",
      payload: { unitCode, year: 2024, requestedLevel: "standard", batchId: batch.json().id },
    });
  dossierId = (await file("X01", "xa1")).json().id;
  unpostedId = (await file("X02", "xa2")).json().id;
  const steps = [
    ["xa1", "self_assessment", { reportNumber: "12/BC-UBND", reportDate: "2024-06-10" }],
    [
      "mttq1",
      "front_comments",
      { comments: [{ organisation: "Ủy ban MTTQ xã", date: "2024-06-14", content: "Nhất trí" }] },
    ],
  ] as const;
  for (const [username, step, payload] of steps) {
    const response = await call(username, {
      method: "POST",
      url: `/api/dossiers/${dossierId}/steps/${step}/complete`,
      payload,
    });
    if (response.statusCode !== 200) throw new Error(`${step}: ${response.body}`);
  }
});
afterAll(async () => {
  await second?.close();
  await later?.close();
  await t?.close();
});

describe("the public postings of a province", () => {
  it("are not reachable while the province does not publish them", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: "/api/public/provinces/P01/postings",
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toContain("Không có dữ liệu công khai");
    const sent = await send(dossierId, comment);
    expect(sent.statusCode).toBe(404);
    expect(await feedbackRows(dossierId)).toHaveLength(0);
  });

  it("list, once published, the dossier in its posting period, without a session", async () => {
    await publishPostings("P01", 2024);
    const response = await t.app.inject({
      method: "GET",
      url: "/api/public/provinces/P01/postings",
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("public, max-age=60");
    const body = response.json<PublicPostingsResponse>();
    expect(body.postings).toEqual([
      {
        dossierId,
        communeName: "Xã Đăk Pék",
        year: 2024,
        levelName: "xã đạt chuẩn nông thôn mới",
        from: "2024-06-15",
        to: "2024-06-29",
        approvedComments: 0,
      },
    ]);
  });

  it("leave out a dossier whose period has ended", async () => {
    const response = await later.inject({
      method: "GET",
      url: "/api/public/provinces/P01/postings",
    });
    expect(response.json<PublicPostingsResponse>().postings).toEqual([]);
  });

  it("answer 404 for a province that does not exist", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: "/api/public/provinces/P99/postings",
    });
    expect(response.statusCode).toBe(404);
  });
});

describe("a resident's feedback", () => {
  it("is kept pending, with the optional name and contact", async () => {
    const response = await send(dossierId, {
      ...comment,
      name: "Nguyễn Văn A",
      contact: "0905 123 456",
      website: "",
    });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ received: true });
    const rows = await feedbackRows(dossierId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      status: "pending",
      authorName: "Nguyễn Văn A",
      contact: "0905 123 456",
      unitCode: "X01",
      provinceCode: "P01",
    });
  });

  it.each([
    ["too short", { text: "Tốt" }, "ít nhất 10 ký tự"],
    ["too long", { text: "a".repeat(2001) }, "tối đa 2000 ký tự"],
    ["missing", { name: "B" }, "nhập ý kiến"],
  ])("refuses a text %s with a Vietnamese reason and keeps nothing", async (_l, body, words) => {
    const before = (await feedbackRows(dossierId)).length;
    const response = await send(dossierId, body, "198.51.100.1");
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain(words);
    expect(await feedbackRows(dossierId)).toHaveLength(before);
  });

  it("is answered as received but dropped when the hidden field is filled", async () => {
    const before = (await feedbackRows(dossierId)).length;
    const response = await send(
      dossierId,
      { ...comment, website: "http://spam.example" },
      "198.51.100.2",
    );
    expect(response.statusCode).toBe(202);
    expect(await feedbackRows(dossierId)).toHaveLength(before);
  });

  it("is refused with 409 and the reason when the posting period has ended", async () => {
    const before = (await feedbackRows(dossierId)).length;
    const response = await send(dossierId, comment, "198.51.100.3", later);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toContain(
      "Thời gian niêm yết lấy ý kiến (từ 15/06/2024 đến hết 29/06/2024) đã kết thúc",
    );
    expect(await feedbackRows(dossierId)).toHaveLength(before);
  });

  it("is refused with 409 for a dossier not at its posting step", async () => {
    const response = await send(unpostedId, comment, "198.51.100.4");
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toContain("không ở bước niêm yết công khai");
    expect(await feedbackRows(unpostedId)).toHaveLength(0);
  });

  it("from another site's page is refused (403), as every write of the app", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: `/api/public/dossiers/${dossierId}/feedback`,
      payload: comment,
      headers: { origin: "https://tin-gia.example" },
    });
    expect(response.statusCode).toBe(403);
  });

  it("is limited to 5 an hour per address across servers sharing the database (429, Retry-After)", async () => {
    const address = "192.0.2.50";
    for (const app of [t.app, second, t.app, second, t.app]) {
      expect((await send(dossierId, comment, address, app)).statusCode).toBe(202);
    }
    const before = (await feedbackRows(dossierId)).length;
    const refused = await send(dossierId, comment, address, second);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(3000);
    expect(refused.json().error.message).toMatch(/Hãy gửi lại sau \d+ phút/);
    expect(await feedbackRows(dossierId)).toHaveLength(before);
    const english = await second.inject({
      method: "POST",
      url: `/api/public/dossiers/${dossierId}/feedback`,
      payload: comment,
      remoteAddress: address,
      headers: { "accept-language": "en" },
    });
    expect(english.json().error.message).toContain("Send again in");
    expect((await send(dossierId, comment, "192.0.2.51", second)).statusCode).toBe(202);
  });
});

describe("the moderation queue", () => {
  const pendingOf = async (username: string) =>
    (
      await call(username, {
        method: "GET",
        url: `/api/feedback?status=pending&dossier=${dossierId}`,
      })
    ).json<FeedbackListResponse>();

  it("needs a session", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/feedback" })).statusCode).toBe(401);
  });

  it("shows the commune officer and the province office the comments of their scope", async () => {
    const commune = await pendingOf("xa1");
    expect(commune.items.length).toBeGreaterThan(0);
    expect(commune.items[0]).toMatchObject({ unit: { code: "X01" }, canModerate: true });
    expect((await pendingOf("vpdp")).items).toHaveLength(commune.items.length);
    expect((await pendingOf("mttq1")).items[0]?.canModerate).toBe(false);
    // Another province's commune and roles outside the table see nothing.
    for (const username of ["xa21", "admin2", "xem", "huyen", "so-nn"]) {
      expect((await pendingOf(username)).items, username).toEqual([]);
    }
  });

  it("puts the waiting comments in 'Việc của tôi' of whoever moderates them", async () => {
    const tasks = async (username: string) =>
      (await call(username, { method: "GET", url: "/api/me/tasks" }))
        .json<MyTasksResponse>()
        .tasks.filter((task) => task.kind === "feedback_pending");
    const [task] = await tasks("xa1");
    expect(task).toMatchObject({ dossierId, due: "2024-06-18", overdue: false });
    expect(task && "pending" in task ? task.pending : 0).toBe(
      (await pendingOf("xa1")).items.length,
    );
    expect(await tasks("vpdp")).toHaveLength(1);
    expect(await tasks("mttq1")).toEqual([]);
    expect(await tasks("xem")).toEqual([]);
  });

  it("refuses moderation to the accounts the policy refuses (403) and changes nothing", async () => {
    const [item] = (await pendingOf("xa1")).items;
    for (const [username, words] of [
      ["mttq1", "Chỉ cán bộ UBND xã"],
      ["xem", "Ý kiến của người dân về hồ sơ do UBND xã"],
      ["xa21", "ngoài phạm vi"],
      ["admin2", "ngoài phạm vi"],
    ] as const) {
      const response = await call(username, {
        method: "POST",
        url: `/api/feedback/${item?.id}/moderation`,
        payload: { action: "approve" },
      });
      expect(response.statusCode, username).toBe(403);
      expect(response.json().error.message).toContain(words);
    }
    const [row] = (await feedbackRows(dossierId)).filter((r) => r.id === item?.id);
    expect(row?.status).toBe("pending");
  });

  it("approves a comment: counted on the public page and the dossier's step, audited", async () => {
    const [item] = (await pendingOf("xa1")).items;
    const response = await call("xa1", {
      method: "POST",
      url: `/api/feedback/${item?.id}/moderation`,
      payload: { action: "approve" },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<FeedbackItemDto>()).toMatchObject({
      status: "approved",
      moderatedBy: "xa1",
    });
    const postings = (
      await t.app.inject({ method: "GET", url: "/api/public/provinces/P01/postings" })
    ).json<PublicPostingsResponse>();
    expect(postings.postings[0]?.approvedComments).toBe(1);
    const a = tables.auditLog;
    const audit = await t.database.db
      .select()
      .from(a)
      .where(eq(a.entityKey, `feedback/${item?.id}`));
    expect(audit).toMatchObject([
      {
        action: "feedback.moderate",
        username: "xa1",
        unitCode: "X01",
        oldValue: { status: "pending", hideReason: null },
        newValue: { status: "approved", hideReason: null, dossierId },
      },
    ]);
    const again = await call("xa1", {
      method: "POST",
      url: `/api/feedback/${item?.id}/moderation`,
      payload: { action: "approve" },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain("đã được duyệt");
  });

  it("hides a comment only with a reason, which is kept and audited", async () => {
    const [item] = (await pendingOf("vpdp")).items;
    const url = `/api/feedback/${item?.id}/moderation`;
    const bare = await call("vpdp", {
      method: "POST",
      url,
      payload: { action: "hide", reason: " " },
    });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.message).toContain("lý do ẩn");
    const hidden = await call("vpdp", {
      method: "POST",
      url,
      payload: { action: "hide", reason: "Trùng nội dung ý kiến đã gửi" },
    });
    expect(hidden.statusCode).toBe(200);
    expect(hidden.json<FeedbackItemDto>()).toMatchObject({
      status: "hidden",
      hideReason: "Trùng nội dung ý kiến đã gửi",
    });
    const a = tables.auditLog;
    const audit = await t.database.db
      .select()
      .from(a)
      .where(eq(a.entityKey, `feedback/${item?.id}`));
    expect(audit.map((row) => row.newValue)).toEqual([
      { status: "hidden", hideReason: "Trùng nội dung ý kiến đã gửi", dossierId },
    ]);
  });

  it("gives the dossier page the counts of its posting step; pending ones to moderators only", async () => {
    const summary = async (username: string) =>
      (
        await call(username, { method: "GET", url: `/api/dossiers/${dossierId}/feedback-summary` })
      ).json<DossierFeedbackSummary>();
    const pending = (await pendingOf("xa1")).items.length;
    expect(await summary("xa1")).toEqual({
      approved: 1,
      pending,
      hidden: 1,
      window: {
        open: true,
        from: "2024-06-15",
        to: "2024-06-29",
        reason: "Đang niêm yết lấy ý kiến người dân từ 15/06/2024 đến hết 29/06/2024.",
      },
      canRead: true,
    });
    expect(await summary("xem")).toMatchObject({
      approved: 1,
      pending: 0,
      hidden: 0,
      canRead: false,
    });
    const outside = await call("xa21", {
      method: "GET",
      url: `/api/dossiers/${dossierId}/feedback-summary`,
    });
    expect(outside.statusCode).toBe(403);
  });
});
