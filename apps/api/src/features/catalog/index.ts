// What other features use of catalog; everything else stays inside the feature.
export { type StoredSet } from "./catalog.repository.ts";
export { selectSetFor } from "./set-selection.ts";
