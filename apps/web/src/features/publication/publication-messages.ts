// Messages of the province's publication settings ("Trang công khai"); keys start with "publication.".
export const publicationVi = {
  "publication.nav": "Trang công khai",
  "publication.title": "Dữ liệu công khai cho người dân",
  "publication.intro":
    "Chọn loại dữ liệu của tỉnh được công khai trên trang dành cho người dân, theo từng năm. Trang công khai không cần đăng nhập; năm hoặc loại dữ liệu không được chọn thì không ai xem được khi chưa đăng nhập. Mỗi lần thay đổi được ghi vào nhật ký.",
  "publication.year": "Năm",
  "publication.kind.communes": "Xã đạt chuẩn (mức, năm công nhận)",
  "publication.kind.decisions": "Quyết định công nhận, thu hồi (PDF)",
  "publication.kind.criteria": "Tiêu chí đạt của từng xã",
  "publication.kind.targets": "Mục tiêu và tiến độ",
  "publication.kind.postings": "Hồ sơ lấy ý kiến người dân",
  "publication.save": "Lưu",
  "publication.saved": "Đã lưu: trang công khai hiển thị theo lựa chọn mới.",
  "publication.changed": "Thay đổi lần cuối: {user}, {at}",
  "publication.never": "Tỉnh chưa công khai dữ liệu nào.",
  "publication.readOnly": "Chỉ quản trị tỉnh được thay đổi lựa chọn này.",
  "publication.open": "Mở trang công khai",
  "publication.notProvince":
    "Tài khoản của bạn không thuộc cấp tỉnh: lựa chọn công khai do quản trị tỉnh quyết định.",
  "publication.openList": "Xem các trang công khai",
} as const;

export const publicationEn: Record<keyof typeof publicationVi, string> = {
  "publication.nav": "Public page",
  "publication.title": "Data made public for residents",
  "publication.intro":
    "Choose which of the province's data the residents' page shows, year by year. The public page needs no sign-in; a year or kind not chosen cannot be seen without signing in. Every change is recorded in the audit log.",
  "publication.year": "Year",
  "publication.kind.communes": "Recognised communes (level, year)",
  "publication.kind.decisions": "Recognition and revocation decisions (PDF)",
  "publication.kind.criteria": "Criteria met per commune",
  "publication.kind.targets": "Targets and progress",
  "publication.kind.postings": "Dossiers open for residents' comments",
  "publication.save": "Save",
  "publication.saved": "Saved: the public page shows the new choice.",
  "publication.changed": "Last changed by {user}, {at}",
  "publication.never": "The province has published nothing yet.",
  "publication.readOnly": "Only the province administrator may change this choice.",
  "publication.open": "Open the public page",
  "publication.notProvince":
    "Your account is not at province level: the province administrator decides what is public.",
  "publication.openList": "See the public pages",
};
