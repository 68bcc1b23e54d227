// The regimes shipped in data/regimes, as the API stores them (version 1), for the domain tests.
import twoTier from "../../../../data/regimes/qd18-2022-2cap.json" with { type: "json" };
import threeTier from "../../../../data/regimes/qd18-2022-3cap.json" with { type: "json" };
import revokeTwoTier from "../../../../data/regimes/qd18-thu-hoi-2cap.json" with { type: "json" };
import revokeThreeTier from "../../../../data/regimes/qd18-thu-hoi-3cap.json" with { type: "json" };
import type { RegimeConfig } from "./regime.ts";

export const shippedRegimes: RegimeConfig[] = [
  threeTier,
  twoTier,
  revokeThreeTier,
  revokeTwoTier,
].map(({ format: _format, ...file }) => ({
  ...(file as Omit<RegimeConfig, "version">),
  version: 1,
}));
