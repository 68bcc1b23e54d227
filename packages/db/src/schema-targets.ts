// Tables of the targets feature; every table is re-exported by schema.ts.
export {};
