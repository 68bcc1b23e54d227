// Messages of the dossiers feature; keys start with "dossiers.".
export const dossiersVi = {} as const;

export const dossiersEn: Record<keyof typeof dossiersVi, string> = {};
