// Messages of accessibility helpers (labels read by screen readers, touch controls).
export const accessVi = {
  "login.showPassword": "Hiện mật khẩu",
  "a11y.scrollRegion": "{name} (cuộn được)",
  "a11y.scrollRegionUnnamed": "Bảng cuộn được",
  "a11y.tasksWaiting": "việc đang chờ, {overdue} quá hạn",
};

export const accessEn: Record<keyof typeof accessVi, string> = {
  "login.showPassword": "Show password",
  "a11y.scrollRegion": "{name} (scrollable)",
  "a11y.scrollRegionUnnamed": "Scrollable table",
  "a11y.tasksWaiting": "waiting, {overdue} overdue",
};
