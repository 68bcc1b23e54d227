import {
  actOnDossier,
  createDossier,
  createDossierBatch,
  createUser,
  systemUser,
  today,
  type AuthUser,
} from "@ntm/api";
import { tables, type Database } from "@ntm/db";
import { roleNames, type Role } from "@ntm/domain";

const dayMs = 24 * 60 * 60_000;

const actor = (role: Role, unitCode: string): AuthUser => ({
  ...systemUser,
  id: 0,
  username: "minh-hoa",
  displayName: "Dữ liệu minh họa",
  role,
  unitCode,
});

/** Residents' comments of the demo (illustrative): two approved, one waiting for the commune. */
const comments = [
  {
    authorName: "Nguyễn Văn Hùng",
    contact: null,
    body: "Đề nghị xã công khai thêm danh sách hộ thoát nghèo trong năm để người dân cùng theo dõi.",
    status: "approved",
  },
  {
    authorName: null,
    contact: null,
    body: "Đường giao thông nội đồng thôn 2 đã được cứng hóa, người dân đồng tình với báo cáo của xã.",
    status: "approved",
  },
  {
    authorName: "Trần Thị Lan",
    contact: "0905 000 123",
    body: "Điểm tập kết rác cuối thôn 4 chưa được thu gom thường xuyên, đề nghị xã kiểm tra lại tiêu chí môi trường.",
    status: "pending",
  },
] as const;

/**
 * A dossier of a commune of the province of today in its public posting now: the Front commented
 * five days ago, so the posting period runs on for ten more days; with the residents' comments
 * and an account of the commune (`xa-qng`) that moderates them.
 */
export async function seedFeedback(
  database: Database,
  options: {
    presentCode: string;
    communes: readonly { code: string; name: string }[];
    password: string;
    now: Date;
  },
) {
  const db = database.db;
  const { presentCode, now } = options;
  const commune = [...options.communes].sort((a, b) => a.code.localeCompare(b.code))[0];
  if (!commune) throw new Error("Dữ liệu minh họa thiếu xã của tỉnh sau sắp xếp.");
  const year = Number(today(now).slice(0, 4));
  const daysAgo = (days: number) => new Date(now.getTime() - days * dayMs);
  const batch = await createDossierBatch(db, {
    user: actor("coordination_office", presentCode),
    // Far enough for the steps after the posting: none falls due before the posting ends.
    input: {
      provinceCode: presentCode,
      name: `Đợt 2 năm ${year}`,
      year,
      deadline: `${year + 1}-02-28`,
    },
  });
  const dossier = await createDossier(db, {
    user: actor("commune_officer", presentCode),
    input: {
      kind: "recognition",
      unitCode: commune.code,
      year,
      requestedLevel: "standard",
      batchId: batch.id,
    },
    now: daysAgo(10),
    demo: true,
  });
  await actOnDossier(db, {
    user: actor("commune_officer", presentCode),
    id: dossier.id,
    action: {
      type: "complete",
      step: "self_assessment",
      data: { reportNumber: "27/BC-UBND (minh họa)", reportDate: today(daysAgo(8)) },
    },
    now: daysAgo(8),
  });
  await actOnDossier(db, {
    user: actor("fatherland_front", presentCode),
    id: dossier.id,
    action: {
      type: "complete",
      step: "front_comments",
      data: {
        comments: [
          {
            organisation: "Ủy ban MTTQ Việt Nam xã",
            date: today(daysAgo(5)),
            content: "Nhất trí với báo cáo; đề nghị niêm yết tại nhà văn hóa các thôn (minh họa).",
          },
        ],
      },
    },
    now: daysAgo(5),
  });
  await db.insert(tables.dossierFeedback).values(
    comments.map((comment, index) => ({
      ...comment,
      dossierId: dossier.id,
      unitCode: commune.code,
      provinceCode: presentCode,
      createdAt: daysAgo(4 - index),
      moderatedAt: comment.status === "approved" ? daysAgo(3 - index) : null,
      moderatedBy: comment.status === "approved" ? "minh-hoa" : null,
    })),
  );
  const account = { username: "xa-qng", role: "commune_officer" as const };
  await createUser(db, {
    input: {
      ...account,
      password: options.password,
      unitCode: commune.code,
      displayName: `Cán bộ ${commune.name}`,
    },
    by: systemUser,
    demo: true,
  });
  return {
    ...account,
    unitName: commune.name,
    note: `(${roleNames.commune_officer}; hồ sơ số ${dossier.id} đang niêm yết, ý kiến người dân chờ duyệt)`,
  };
}
