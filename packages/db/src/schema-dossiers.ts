// Tables of the dossiers feature; every table is re-exported by schema.ts.
export {};
