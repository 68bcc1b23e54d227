import { inflateRawSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemUser } from "../auth/index.ts";
import { createUser } from "../users/index.ts";
import { configuredServer, loginOn, TestClock } from "../../test/configured-server.ts";
import { createTestApp, loginAs, testPassword, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
const cookies: Record<string, string> = {};
let batchId = 0;
let dossierId = 0;

async function call(user: string, method: "GET" | "POST" | "PUT", url: string, payload?: unknown) {
  const response = await t.app.inject({
    method,
    url,
    headers: { cookie: cookies[user] as string },
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
  return {
    status: response.statusCode,
    body: response.body
      ? response.headers["content-type"]?.toString().includes("json")
        ? response.json()
        : response.body
      : null,
    raw: response.rawPayload,
    headers: response.headers,
  };
}

/** Files a dossier on 15/01/2024, while the batch (deadline 28/02/2024) still took dossiers. */
async function fileInJanuary(user: string, payload: object) {
  const server = await configuredServer(t, {}, new TestClock(new Date("2024-01-15T08:00:00Z")));
  try {
    const response = await server.inject({
      method: "POST",
      url: "/api/dossiers",
      headers: { cookie: await loginOn(server, user) },
      payload,
    });
    return { status: response.statusCode, body: response.json() };
  } finally {
    await server.close();
  }
}

async function writeValues(year: number, income: number) {
  const scorecard = await call("xa1", "GET", `/api/units/X01/scorecard?year=${year}`);
  const response = await call("xa1", "PUT", `/api/units/X01/assessments/${year}/values`, {
    version: scorecard.body.assessment.version,
    values: [
      { indicatorCode: "3.1", value: 85 },
      { indicatorCode: "3.2", value: true },
      { indicatorCode: "10.1", value: income },
      { indicatorCode: "10.2", value: 5 },
    ],
  });
  expect(response.status).toBe(200);
}

const posting = {
  postingFrom: "2024-01-02",
  postingTo: "2024-01-16",
  places: ["Trụ sở UBND xã", "Nhà văn hóa thôn 1"],
  broadcasts: ["2024-01-02", "2024-01-05", "2024-01-08", "2024-01-11", "2024-01-14"],
};
const survey = { formsIssued: 300, formsReturned: 280, formsSatisfied: 260, contents: [] };
const verification = {
  reportNumber: "15/BC-UBND",
  reportDate: "2024-02-10",
  noticeDate: "2024-02-12",
  noConstructionDebt: true,
  debtEvidence: "Xác nhận của Kho bạc Nhà nước huyện",
  securityNotComplicated: true,
};

/** Reads one entry of a ZIP file (the DOCX container) without extra libraries. */
function zipEntry(zip: Buffer, name: string): string {
  let offset = 0;
  while (offset < zip.length - 30 && zip.readUInt32LE(offset) === 0x04034b50) {
    const method = zip.readUInt16LE(offset + 8);
    const compressed = zip.readUInt32LE(offset + 18);
    const nameLength = zip.readUInt16LE(offset + 26);
    const extra = zip.readUInt16LE(offset + 28);
    const entry = zip.subarray(offset + 30, offset + 30 + nameLength).toString();
    const start = offset + 30 + nameLength + extra;
    const data = zip.subarray(start, start + compressed);
    if (entry === name) return (method === 8 ? inflateRawSync(data) : data).toString("utf8");
    offset = start + compressed;
  }
  throw new Error(`${name} not found`);
}

beforeAll(async () => {
  t = await createTestApp();
  // The Fatherland Front of X01 and of X03 (steps 2 and 4 are theirs).
  for (const [username, unitCode] of [
    ["mttq1", "X01"],
    ["mttq3", "X03"],
  ] as const) {
    await createUser(t.database.db, {
      input: { username, password: testPassword, role: "fatherland_front", unitCode },
      by: systemUser,
    });
  }
  for (const user of ["admin", "vpdp", "so-nn", "huyen", "xa1", "xa3", "xem", "mttq1", "mttq3"])
    cookies[user] = await loginAs(t.app, user);
  await writeValues(2024, 50);
});
afterAll(async () => {
  await t?.close();
});

describe("recognition dossier over HTTP", () => {
  it("lets the coordination office create a batch, and nobody else", async () => {
    const denied = await call("xa1", "POST", "/api/dossier-batches", {
      provinceCode: "P01",
      name: "Đợt 2",
      year: 2024,
      deadline: "2024-02-28",
    });
    expect(denied.status).toBe(403);
    const created = await call("vpdp", "POST", "/api/dossier-batches", {
      provinceCode: "P01",
      name: "Đợt 2: trước 28/02/2024",
      year: 2024,
      deadline: "2024-02-28",
    });
    expect(created.status).toBe(201);
    batchId = created.body.id;
    expect((await call("xa1", "GET", "/api/dossier-batches")).body).toHaveLength(1);
  });

  it.each([
    ["a district account (wrong role)", "huyen", "X01", 403, "do Cán bộ xã lập"],
    ["a commune outside the scope", "xa1", "X02", 403, "ngoài phạm vi"],
    ["a viewer", "xem", "X01", 403, "chỉ có quyền xem"],
  ])("refuses to file for %s", async (_name, user, unit, status, message) => {
    const response = await call(user, "POST", "/api/dossiers", {
      unitCode: unit,
      year: 2024,
      requestedLevel: "standard",
      batchId,
    });
    expect(response.status).toBe(status);
    expect(response.body.error.message).toContain(message);
  });

  it("files a dossier with a frozen snapshot", async () => {
    const response = await fileInJanuary("xa1", {
      unitCode: "X01",
      year: 2024,
      requestedLevel: "standard",
      batchId,
    });
    expect(response.status).toBe(201);
    dossierId = response.body.id;
    expect(response.body.regime.code).toBe("qd18-2022-3cap");
    expect(response.body.state.snapshot).toMatchObject({
      criteriaMet: 2,
      criteriaTotal: 2,
      requestedLevelReached: true,
    });
    expect(response.body.currentStep).toBe("self_assessment");
    const again = await fileInJanuary("xa1", {
      unitCode: "X01",
      year: 2024,
      requestedLevel: "standard",
      batchId,
    });
    expect(again.status).toBe(409);
  });

  it("refuses a step out of order and changes nothing", async () => {
    const before = await call("xa1", "GET", `/api/dossiers/${dossierId}`);
    const response = await call(
      "xa1",
      "POST",
      `/api/dossiers/${dossierId}/steps/public_posting/complete`,
      posting,
    );
    expect(response.status).toBe(409);
    expect(response.body.error.message).toContain("Chưa đến bước");
    const after = await call("xa1", "GET", `/api/dossiers/${dossierId}`);
    expect(after.body.state).toEqual(before.body.state);
    expect(after.body.events).toHaveLength(before.body.events.length);
  });

  it("validates the step data", async () => {
    const response = await call(
      "xa1",
      "POST",
      `/api/dossiers/${dossierId}/steps/self_assessment/complete`,
      { reportNumber: "" },
    );
    expect(response.status).toBe(400);
  });

  it("walks the commune steps and refuses too few broadcasts", async () => {
    expect(
      (
        await call("xa1", "POST", `/api/dossiers/${dossierId}/steps/self_assessment/complete`, {
          reportNumber: "01/BC-UBND",
          reportDate: "2023-12-20",
        })
      ).status,
    ).toBe(200);
    const comments = {
      comments: [
        { organisation: "Ủy ban MTTQ Việt Nam xã", date: "2023-12-28", content: "Nhất trí" },
      ],
    };
    const url = `/api/dossiers/${dossierId}/steps/front_comments/complete`;
    const byCommune = await call("xa1", "POST", url, comments);
    expect(byCommune.status).toBe(403);
    expect(byCommune.body.error.message).toContain("do Mặt trận Tổ quốc thực hiện");
    const otherFront = await call("mttq3", "POST", url, comments);
    expect(otherFront.status).toBe(403);
    expect(otherFront.body.error.message).toContain("ngoài phạm vi");
    expect((await call("mttq1", "GET", "/api/dossiers/inbox")).body).toEqual([
      expect.objectContaining({ id: dossierId, currentStep: "front_comments" }),
    ]);
    expect((await call("mttq1", "POST", url, comments)).status).toBe(200);
    const few = await call(
      "xa1",
      "POST",
      `/api/dossiers/${dossierId}/steps/public_posting/complete`,
      { ...posting, broadcasts: posting.broadcasts.slice(0, 4) },
    );
    expect(few.status).toBe(409);
    expect(few.body.error.message).toContain("Mới có 4 lần phát thanh");
    expect(
      (
        await call(
          "xa1",
          "POST",
          `/api/dossiers/${dossierId}/steps/public_posting/complete`,
          posting,
        )
      ).status,
    ).toBe(200);
    const surveyUrl = `/api/dossiers/${dossierId}/steps/satisfaction_survey/complete`;
    expect((await call("xa1", "POST", surveyUrl, survey)).status).toBe(403);
    expect((await call("mttq1", "POST", surveyUrl, survey)).status).toBe(200);
  });

  it("lets the Front read its commune but never write a value", async () => {
    const scorecard = await call("mttq1", "GET", "/api/units/X01/scorecard?year=2024");
    expect(scorecard.status).toBe(200);
    const write = await call("mttq1", "PUT", "/api/units/X01/assessments/2024/values", {
      version: scorecard.body.assessment.version,
      values: [{ indicatorCode: "10.2", value: 5 }],
    });
    expect(write.status).toBe(403);
    expect(write.body.error.message).toContain("không cập nhật số liệu");
    expect((await call("mttq1", "GET", "/api/units/X02/scorecard?year=2024")).status).toBe(403);
  });

  it("shows the district its inbox and lists overdue steps for the coordination office", async () => {
    const inbox = await call("huyen", "GET", "/api/dossiers/inbox");
    expect(inbox.body.map((item: { id: number }) => item.id)).toContain(dossierId);
    expect((await call("xa1", "GET", "/api/dossiers/inbox")).body).toHaveLength(0);
    const overdue = await call("vpdp", "GET", "/api/dossiers/overdue");
    expect(overdue.body[0]).toMatchObject({ id: dossierId, overdue: true, due: "2024-02-28" });
    expect((await call("xa1", "GET", "/api/dossiers/overdue")).status).toBe(403);
  });

  it("returns the dossier with reasons and keeps every round", async () => {
    expect(
      (
        await call(
          "xa1",
          "POST",
          `/api/dossiers/${dossierId}/steps/verification/complete`,
          verification,
        )
      ).status,
    ).toBe(403);
    const returned = await call("huyen", "POST", `/api/dossiers/${dossierId}/return`, {
      reasons: [{ criterionCode: "3", text: "Thiếu biên bản nghiệm thu kênh mương" }],
    });
    expect(returned.status).toBe(200);
    expect(returned.body.currentStep).toBe("satisfaction_survey");
    expect(returned.body.round).toBe(2);
    expect(returned.body.state.returns[0]).toMatchObject({
      fromStep: "verification",
      toStep: "satisfaction_survey",
      reasons: [{ criterionCode: "3" }],
    });
    expect(
      (
        await call(
          "mttq1",
          "POST",
          `/api/dossiers/${dossierId}/steps/satisfaction_survey/complete`,
          survey,
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await call(
          "huyen",
          "POST",
          `/api/dossiers/${dossierId}/steps/verification/complete`,
          verification,
        )
      ).status,
    ).toBe(200);
  });

  it("shows a later edit of the values as a difference, without changing the snapshot", async () => {
    await writeValues(2024, 30);
    const detail = await call("vpdp", "GET", `/api/dossiers/${dossierId}`);
    expect(detail.body.state.snapshot.criteriaMet).toBe(2);
    expect(detail.body.snapshotDiff).toEqual([
      expect.objectContaining({ criterionCode: "10", atFiling: "met", now: "not_met" }),
    ]);
  });

  it("needs every department to confirm its criteria at appraisal", async () => {
    const early = await call(
      "vpdp",
      "POST",
      `/api/dossiers/${dossierId}/steps/appraisal/complete`,
      { siteVisitDate: "2024-03-05", siteVisitNote: "Đúng thực tế" },
    );
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain("chưa được sở, ngành xác nhận");
    expect(
      (
        await call("so-nn", "POST", `/api/dossiers/${dossierId}/confirmations`, {
          criteria: ["10"],
        })
      ).status,
    ).toBe(403);
    expect(
      (await call("so-nn", "GET", `/api/dossiers/${dossierId}`)).body.actions.confirmable,
    ).toEqual(["3"]);
    expect(
      (await call("so-nn", "POST", `/api/dossiers/${dossierId}/confirmations`, { criteria: ["3"] }))
        .status,
    ).toBe(200);
    expect(
      (await call("vpdp", "POST", `/api/dossiers/${dossierId}/confirmations`, { criteria: ["10"] }))
        .status,
    ).toBe(200);
    expect(
      (
        await call("vpdp", "POST", `/api/dossiers/${dossierId}/steps/appraisal/complete`, {
          siteVisitDate: "2024-03-05",
          siteVisitNote: "Đúng thực tế",
        })
      ).status,
    ).toBe(200);
    const members = [
      { name: "Ông A", vote: "for" },
      { name: "Bà B", vote: "for" },
      { name: "Ông C", vote: "against" },
    ];
    expect(
      (
        await call("vpdp", "POST", `/api/dossiers/${dossierId}/steps/council_vote/complete`, {
          meetingDate: "2024-03-20",
          members,
        })
      ).status,
    ).toBe(200);
  });

  it("records the decision and opens the recognised level", async () => {
    expect(
      (
        await call("vpdp", "POST", `/api/dossiers/${dossierId}/steps/decision/complete`, {
          decisionNumber: "1",
          decisionDate: "2024-04-01",
          signer: "x",
          publishedOn: "2024-04-02",
        })
      ).status,
    ).toBe(403);
    expect((await call("xa1", "GET", "/api/units/X01/recognition-history")).body).toEqual([]);
    const decided = await call(
      "admin",
      "POST",
      `/api/dossiers/${dossierId}/steps/decision/complete`,
      {
        decisionNumber: "456/QĐ-UBND",
        decisionDate: "2024-04-01",
        signer: "Chủ tịch UBND tỉnh",
        publishedOn: "2024-04-02",
      },
    );
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe("decided");
    expect(decided.body.history).toEqual([
      expect.objectContaining({ level: "standard", decisionNumber: "456/QĐ-UBND", endedOn: null }),
    ]);
    const after = await call("admin", "POST", `/api/dossiers/${dossierId}/return`, {
      reasons: [{ text: "x" }],
    });
    expect(after.status).toBe(409);
    expect(after.body.error.message).toContain("đã có quyết định");
  });

  it("generates the documents as DOCX and PDF with the national heading", async () => {
    const docx = await call(
      "xa1",
      "GET",
      `/api/dossiers/${dossierId}/generated/bao-cao-tu-danh-gia?format=docx`,
    );
    expect(docx.status).toBe(200);
    const xml = zipEntry(docx.raw, "word/document.xml");
    expect(xml).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(xml).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(xml).toContain("Thủy lợi và phòng, chống thiên tai");
    const pdf = await call(
      "xa1",
      "GET",
      `/api/dossiers/${dossierId}/generated/du-thao-quyet-dinh?format=pdf`,
    );
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.raw.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.raw.toString("latin1")).toContain("DejaVuSans");
    expect((await call("xa3", "GET", `/api/dossiers/${dossierId}/generated/to-trinh`)).status).toBe(
      403,
    );
  });

  it("attaches an uploaded scan", async () => {
    const boundary = "----ntm";
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="stepCode"\r\n\r\nself_assessment\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bao-cao.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      Buffer.from("%PDF-1.4 scan"),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const upload = await t.app.inject({
      method: "POST",
      url: `/api/dossiers/${dossierId}/documents`,
      headers: {
        cookie: cookies.xa1 as string,
        "content-type": `multipart/form-data; boundary=${boundary}`,
      },
      payload: body,
    });
    expect(upload.statusCode).toBe(201);
    const download = await call(
      "vpdp",
      "GET",
      `/api/dossiers/${dossierId}/documents/${upload.json().id}`,
    );
    expect(download.raw.toString()).toBe("%PDF-1.4 scan");
  });
});

describe("revocation", () => {
  let revocationId = 0;

  it("flags the recognised commune that no longer keeps the set, with the rule and criteria", async () => {
    const watch = await call("huyen", "GET", "/api/watch/revocation?unit=D01&year=2024");
    expect(watch.status).toBe(200);
    expect(watch.body.candidates).toEqual([
      expect.objectContaining({
        unitCode: "X01",
        flag: expect.objectContaining({ rule: "half_unmet", unmetCriteria: ["10"] }),
      }),
    ]);
    expect((await call("huyen", "GET", "/api/watch/revocation?unit=D02&year=2024")).status).toBe(
      403,
    );
  });

  it("refuses a revocation dossier for a unit the watch did not flag", async () => {
    const response = await call("huyen", "POST", "/api/dossiers", {
      kind: "revocation",
      unitCode: "X02",
      year: 2024,
      batchId,
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain("chưa được công nhận");
  });

  it("revokes through its own steps and closes the recognised level", async () => {
    const created = await fileInJanuary("huyen", {
      kind: "revocation",
      unitCode: "X01",
      year: 2024,
      batchId,
    });
    expect(created.status).toBe(201);
    revocationId = created.body.id;
    expect(created.body.state.revocationFlag.rule).toBe("half_unmet");
    expect(
      (
        await call(
          "huyen",
          "POST",
          `/api/dossiers/${revocationId}/steps/revocation_proposal/complete`,
          {
            reportNumber: "20/BC-UBND",
            reportDate: "2024-05-02",
            reason: "Không duy trì tiêu chí Thu nhập",
          },
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await call(
          "vpdp",
          "POST",
          `/api/dossiers/${revocationId}/steps/revocation_review/complete`,
          { reportNumber: "30/BC-SNN", reportDate: "2024-05-20", conclusion: "Đủ căn cứ thu hồi" },
        )
      ).status,
    ).toBe(200);
    const decided = await call(
      "admin",
      "POST",
      `/api/dossiers/${revocationId}/steps/revocation_decision/complete`,
      {
        decisionNumber: "789/QĐ-UBND",
        decisionDate: "2024-06-01",
        signer: "Chủ tịch UBND tỉnh",
        publishedOn: "2024-06-02",
      },
    );
    expect(decided.status).toBe(200);
    expect(decided.body.history).toEqual([
      expect.objectContaining({
        decisionNumber: "456/QĐ-UBND",
        endedOn: "2024-06-01",
        endReason: "revoked",
        revokedByDecision: "789/QĐ-UBND",
      }),
    ]);
    const watch = await call("huyen", "GET", "/api/watch/revocation?unit=D01&year=2024");
    expect(watch.body.candidates).toEqual([]);
  });

  it("generates the revocation decision as DOCX and PDF, and only for a revocation dossier", async () => {
    const docx = await call(
      "vpdp",
      "GET",
      `/api/dossiers/${revocationId}/generated/quyet-dinh-thu-hoi?format=docx`,
    );
    expect(docx.status).toBe(200);
    const xml = zipEntry(docx.raw, "word/document.xml");
    expect(xml).toContain("Về việc thu hồi Quyết định công nhận");
    expect(xml).toContain("789/QĐ-UBND");
    expect(xml).toContain("Quyết định số 456/QĐ-UBND");
    expect(xml).toContain("Độc lập - Tự do - Hạnh phúc");
    const pdf = await call(
      "vpdp",
      "GET",
      `/api/dossiers/${revocationId}/generated/quyet-dinh-thu-hoi?format=pdf`,
    );
    expect(pdf.raw.subarray(0, 5).toString()).toBe("%PDF-");
    const wrong = await call(
      "vpdp",
      "GET",
      `/api/dossiers/${dossierId}/generated/quyet-dinh-thu-hoi`,
    );
    expect(wrong.status).toBe(409);
    expect(
      (await call("vpdp", "GET", `/api/dossiers/${revocationId}/generated/to-trinh`)).status,
    ).toBe(409);
  });

  it("lists dossiers in scope only", async () => {
    expect((await call("vpdp", "GET", "/api/dossiers")).body).toHaveLength(2);
    expect((await call("xa3", "GET", "/api/dossiers")).body).toHaveLength(0);
    expect((await call("xa3", "GET", `/api/dossiers/${dossierId}`)).status).toBe(403);
  });
});
