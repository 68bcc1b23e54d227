// Tables of the reports feature; every table is re-exported by schema.ts.
export {};
