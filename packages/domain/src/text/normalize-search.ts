/** Folds Vietnamese text for search: no diacritics, đ → d, lower case ("Đăk Glei" → "dak glei"). */
export function foldVietnamese(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** True when every word of the query occurs in the text, ignoring diacritics and case. */
export function matchesSearch(text: string, query: string): boolean {
  const haystack = foldVietnamese(text);
  return foldVietnamese(query)
    .split(" ")
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
