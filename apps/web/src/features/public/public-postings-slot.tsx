import { PublicPostingsSection } from "../public-feedback/index.ts";
import { usePublicText } from "./public-text.ts";

/**
 * "Hồ sơ đang công khai lấy ý kiến" on a province's page: the dossiers in public posting now and
 * the residents' form, from residents' feedback (it shows nothing while postings are unpublished).
 */
export function PublicPostingsSlot({ provinceCode }: { provinceCode: string }) {
  const { language } = usePublicText();
  return <PublicPostingsSection provinceCode={provinceCode} language={language} />;
}
