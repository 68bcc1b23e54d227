// The public section's own words: it is embedded in the light public page, without the app's dictionary.
export const publicFeedbackText = {
  vi: {
    title: "Hồ sơ đang niêm yết lấy ý kiến người dân",
    intro:
      "Theo Quyết định 18/2022/QĐ-TTg, xã đề nghị công nhận đạt chuẩn nông thôn mới phải niêm yết công khai báo cáo để người dân góp ý. Ý kiến của bạn được gửi đến UBND xã và Văn phòng điều phối nông thôn mới của tỉnh.",
    loading: "Đang tải danh sách hồ sơ…",
    failed: "Không tải được danh sách hồ sơ. Kiểm tra kết nối mạng rồi thử lại.",
    retry: "Thử lại",
    none: "Hiện không có hồ sơ nào đang niêm yết lấy ý kiến.",
    dossier: "Hồ sơ đề nghị công nhận {level} năm {year}",
    period: "Niêm yết từ {from} đến hết {to}",
    approved: "{count} ý kiến đã được ghi nhận",
    approvedNone: "Chưa có ý kiến nào được ghi nhận",
    open: "Góp ý cho hồ sơ này",
    close: "Đóng",
    text: "Ý kiến của bạn",
    textHint: "Từ {min} đến {max} ký tự. Đã nhập {count}.",
    textShort: "Ý kiến cần ít nhất {min} ký tự.",
    name: "Họ và tên (không bắt buộc)",
    contact: "Số điện thoại hoặc thư điện tử (không bắt buộc)",
    privacy: "Họ tên và liên hệ chỉ cán bộ xử lý ý kiến được xem, không hiện trên trang công khai.",
    trap: "Không điền vào ô này",
    send: "Gửi ý kiến",
    sending: "Đang gửi…",
    sent: "Đã gửi ý kiến, cảm ơn",
    sentHint:
      "Ý kiến được UBND xã hoặc tỉnh xem xét; ý kiến được duyệt sẽ được tính vào số ý kiến của hồ sơ.",
    another: "Gửi thêm ý kiến",
    network: "Không gửi được ý kiến vì mất kết nối mạng. Hãy thử lại.",
  },
  en: {
    title: "Dossiers posted for residents' comments",
    intro:
      "Under Decision 18/2022/QĐ-TTg a commune asking to be recognised under the New Rural Development programme posts its report publicly for residents' comments. Your comment goes to the commune and the province's coordination office.",
    loading: "Loading the dossiers…",
    failed: "The dossiers could not be loaded. Check the connection and try again.",
    retry: "Try again",
    none: "No dossier is posted for comments now.",
    dossier: "Dossier asking for recognition as {level}, {year}",
    period: "Posted from {from} to {to}",
    approved: "{count} comments recorded",
    approvedNone: "No comment recorded yet",
    open: "Comment on this dossier",
    close: "Close",
    text: "Your comment",
    textHint: "{min} to {max} characters. {count} typed.",
    textShort: "A comment needs at least {min} characters.",
    name: "Name (optional)",
    contact: "Phone or e-mail (optional)",
    privacy:
      "Only the officials handling comments see your name and contact; they are never public.",
    trap: "Leave this field empty",
    send: "Send the comment",
    sending: "Sending…",
    sent: "Comment sent, thank you",
    sentHint:
      "The commune or the province reviews it; approved comments are counted on the dossier.",
    another: "Send another comment",
    network: "The comment could not be sent: no connection. Try again.",
  },
} as const;

export type PublicLanguage = keyof typeof publicFeedbackText;
export type PublicTextKey = keyof (typeof publicFeedbackText)["vi"];

export function fill(text: string, values: Record<string, string | number>) {
  return text.replace(/\{(\w+)\}/g, (_match, key: string) => String(values[key] ?? ""));
}

/** dd/MM/yyyy from an ISO date, as every date of the product is written. */
export function dateVi(iso: string) {
  const [year, month, day] = iso.split("-");
  return `${day}/${month}/${year}`;
}
