import type { Locale } from "antd/es/locale";
import enUS from "antd/locale/en_US";
import viVN from "antd/locale/vi_VN";
import type { Language } from "../lib/i18n/dictionary.ts";

// The programme writes dates day first, whatever the language or the browser's own settings.
const dateFormats = {
  fieldDateFormat: "DD/MM/YYYY",
  fieldDateTimeFormat: "DD/MM/YYYY HH:mm",
  fieldMonthFormat: "MM/YYYY",
};

function dayFirst(locale: Locale): Locale {
  const datePicker = locale.DatePicker;
  if (!datePicker) return locale;
  return { ...locale, DatePicker: { ...datePicker, lang: { ...datePicker.lang, ...dateFormats } } };
}

const locales: Record<Language, Locale> = { vi: dayFirst(viVN), en: dayFirst(enUS) };

/** The component library's texts in the app's language, with dates as dd/MM/yyyy. */
export function antdLocale(language: Language): Locale {
  return locales[language];
}
