import type { LightMyRequestResponse } from "fastify";
import type { FeedbackListResponse } from "@ntm/contracts";
import { insertFeedback } from "../../features/feedback/feedback.repository.ts";
import { fixedNow } from "../test-app.ts";
import type { Probe } from "./probes.ts";
import { units, type World } from "./world.ts";

type FeedbackAction = "feedback.read" | "feedback.moderate";

/** A resident's pending comment on the side's dossier, as the public form stores it. */
async function pendingComment(world: World, side: string) {
  const s = side === "outside" ? world.outside : world.inside;
  const db = world.t.database.db;
  const { id } = await db.transaction((tx) =>
    insertFeedback(tx, {
      dossierId: s.dossierId,
      unitCode: s.commune,
      provinceCode: s.province,
      body: "Đường liên thôn chưa được bê tông hóa như báo cáo.",
      status: "pending",
      createdAt: fixedNow,
    }),
  );
  return { id, s };
}

export const feedbackProbes: { [A in FeedbackAction]: Probe<A> } = {
  "feedback.read": {
    sides: ["inside", "outside"],
    prepare: async (world, _role, side) => {
      const { s } = await pendingComment(world, side);
      return {
        resource: [units[s.commune]!],
        request: { method: "GET", url: `/api/feedback?dossier=${s.dossierId}` },
        shows: (response: LightMyRequestResponse) =>
          response.json<FeedbackListResponse>().items.length > 0,
      };
    },
  },
  "feedback.moderate": {
    sides: ["inside", "outside"],
    prepare: async (world, _role, side) => {
      const { id, s } = await pendingComment(world, side);
      return {
        resource: [units[s.commune]!],
        request: {
          method: "POST",
          url: `/api/feedback/${id}/moderation`,
          payload: { action: "approve" },
        },
      };
    },
  },
};
