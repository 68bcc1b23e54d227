// What the rest of the web app uses of the moderation of residents' feedback.
import { createElement, lazy, Suspense } from "react";

export { feedbackEn, feedbackVi } from "./feedback-messages.ts";

const Line = lazy(() =>
  import("./posting-feedback.tsx").then((module) => ({ default: module.PostingFeedbackLine })),
);

/** The comments count of a dossier's public posting step, loaded with the dossier page only. */
export function PostingFeedback(props: { dossierId: number }) {
  return createElement(Suspense, { fallback: null }, createElement(Line, props));
}
