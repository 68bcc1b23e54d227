import type { Language } from "../lib/i18n/dictionary.ts";
import { useI18n } from "../lib/i18n/i18n-context.tsx";

const options: { label: string; value: Language; title: string }[] = [
  { label: "VI", value: "vi", title: "Tiếng Việt" },
  { label: "EN", value: "en", title: "English" },
];

/** Two plain buttons: it is on the login screen, drawn before the component library loads. */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <div
      className="language-switch"
      role="group"
      aria-label={t("header.language")}
      data-testid="language-switch"
    >
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          lang={option.value}
          title={option.title}
          aria-pressed={language === option.value}
          onClick={() => setLanguage(option.value)}
        >
          {option.label}
          <span className="visually-hidden"> {option.title}</span>
        </button>
      ))}
    </div>
  );
}
