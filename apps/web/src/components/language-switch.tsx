import { Segmented } from "antd";
import type { Language } from "../lib/i18n/dictionary.ts";
import { useI18n } from "../lib/i18n/i18n-context.tsx";

const options: { label: string; value: Language; title: string }[] = [
  { label: "VI", value: "vi", title: "Tiếng Việt" },
  { label: "EN", value: "en", title: "English" },
];

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <Segmented<Language>
      size="small"
      aria-label={t("header.language")}
      data-testid="language-switch"
      options={options}
      value={language}
      onChange={setLanguage}
    />
  );
}
