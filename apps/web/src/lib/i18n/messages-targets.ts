// Messages of the targets feature; keys start with "targets.".
export const targetsVi = {} as const;

export const targetsEn: Record<keyof typeof targetsVi, string> = {};
