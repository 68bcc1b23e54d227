import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { publicEn, publicVi, type PublicTextKey } from "./public-messages.ts";

export type PublicText = (key: PublicTextKey, params?: Record<string, string | number>) => string;

/** The public page's words in the reader's language. */
export function usePublicText() {
  const { language, setLanguage } = useI18n();
  const dictionary: Record<PublicTextKey, string> = language === "en" ? publicEn : publicVi;
  const text: PublicText = (key, params) =>
    dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole,
    );
  return { text, language, setLanguage };
}

/** "2023-12-22" → "22/12/2023". */
export function dateVi(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split("-");
  return `${day}/${month}/${year}`;
}
