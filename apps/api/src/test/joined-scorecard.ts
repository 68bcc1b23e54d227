import type { FastifyInstance } from "fastify";
import {
  joinScorecard,
  type CatalogSetDetail,
  type Scorecard,
  type ScorecardResponse,
} from "@ntm/contracts";

/**
 * A scorecard answer joined with its set version, read through HTTP as the web reads them: for
 * tests that look at thresholds, statuses and reasons.
 */
export async function joinedScorecard(
  app: FastifyInstance,
  cookie: string,
  answer: ScorecardResponse,
): Promise<Scorecard> {
  const response = await app.inject({
    method: "GET",
    url: `/api/catalog/sets/${answer.set.id}`,
    headers: { cookie },
  });
  if (response.statusCode !== 200) {
    throw new Error(`Set ${answer.set.id}: ${response.statusCode} ${response.body}`);
  }
  return joinScorecard(answer, response.json<CatalogSetDetail>().definition);
}
