/** Public API of the scorecard feature for other features: its answers and set versions. */
export { storeScorecardAnswer } from "./scorecard-api.ts";
export { setVersionOf, setVersionPath } from "./set-version-path.ts";
export { registrySourceText } from "./registry-source-text.ts";
