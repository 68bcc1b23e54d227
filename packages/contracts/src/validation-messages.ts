/**
 * Messages of the shared schemas that a user reads, in Vietnamese with their English text: zod
 * keeps one message per issue, so the API looks the English up here for `Accept-Language: en`.
 */
export const validationMessages = {
  valueType: {
    vi: "Giá trị phải là một số (dùng dấu phẩy cho phần thập phân, ví dụ 12,5), hoặc Đạt/Không đạt",
    en: "The value must be a number (written with a decimal comma in forms and files, e.g. 12,5), or Đạt/Không đạt (yes/no)",
  },
  valueVersion: {
    vi: "Phiên bản phải là số nguyên không âm (số phiên bản đã đọc)",
    en: "The version must be a whole number of at least 0 (the version you read)",
  },
  indicatorCode: { vi: "Thiếu mã chỉ tiêu", en: "The indicator code is missing" },
  valueNote: {
    vi: "Ghi chú dài tối đa 2.000 ký tự",
    en: "A note holds at most 2,000 characters",
  },
  valuesMin: { vi: "Cần ít nhất một giá trị", en: "Send at least one value" },
  valuesMax: {
    vi: "Mỗi lần lưu tối đa 500 giá trị",
    en: "At most 500 values can be saved at once",
  },
  id: {
    vi: "Mã số phải là số nguyên dương",
    en: "The id must be a positive whole number",
  },
  idRange: {
    vi: "Mã số quá lớn, không có bản ghi nào như vậy",
    en: "The id is too large; no record has it",
  },
  yearType: { vi: "Năm phải là số", en: "The year must be a number" },
  yearInteger: { vi: "Năm phải là số nguyên", en: "The year must be a whole number" },
  yearMin: { vi: "Năm phải từ 2000", en: "The year must be 2000 or later" },
  yearMax: { vi: "Năm phải trước 2100", en: "The year must be before 2100" },
  isoDate: { vi: "Ngày phải theo dạng YYYY-MM-DD", en: "Dates are written YYYY-MM-DD" },
} as const satisfies Record<string, { vi: string; en: string }>;

const english = new Map<string, string>(
  Object.values(validationMessages).map((message) => [message.vi, message.en]),
);

/** The English text of a Vietnamese schema message, when the schema gives one. */
export function englishValidationMessage(vi: string): string | undefined {
  return english.get(vi);
}
