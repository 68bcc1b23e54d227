import type { IndicatorStatus } from "@ntm/domain";

/** The UX guide's status colours; every use pairs them with the word and an icon. */
export const statusPalette: Record<
  IndicatorStatus,
  { text: string; background: string; border: string }
> = {
  met: { text: "#1e6b0c", background: "#f0fae6", border: "#73c24a" },
  not_met: { text: "#a8071a", background: "#fff1f0", border: "#f47c7c" },
  missing: { text: "#4d4d4d", background: "#f3f3f3", border: "#b3b3b3" },
};

export const amberPalette = { text: "#7a4500", background: "#fff7d6", border: "#f0b429" };
