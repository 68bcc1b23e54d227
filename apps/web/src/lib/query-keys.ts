/** First elements of query keys that one feature refreshes after another changed the data. */
export const queryRoots = {
  scorecard: "scorecard",
  history: "history",
  summary: "summary",
  villages: "villages",
} as const;
