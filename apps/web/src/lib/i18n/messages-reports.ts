// Messages of the reports feature; keys start with "reports.".
export const reportsVi = {} as const;

export const reportsEn: Record<keyof typeof reportsVi, string> = {};
