// What other features use of catalog; everything else stays inside the feature.
export { CarryOverCard } from "./carry-over-card.tsx";
