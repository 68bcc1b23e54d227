// What other features use of catalog; everything else stays inside the feature.
export { catalogGeneration, type StoredSet } from "./catalog.repository.ts";
export { selectSetFor } from "./set-selection.ts";
export { cachedSetById, cachedSetFor } from "./set-cache.ts";
export { carryOverOf } from "./carry-over.ts";
