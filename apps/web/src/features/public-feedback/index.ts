// What the public page uses of residents' feedback: the section of postings with its form.
export { PublicPostingsSection } from "./public-postings-section.tsx";
