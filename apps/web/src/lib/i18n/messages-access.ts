// Messages of accessibility helpers (labels read by screen readers, touch controls).
export const accessVi = {
  "login.showPassword": "Hiện mật khẩu",
};

export const accessEn: Record<keyof typeof accessVi, string> = {
  "login.showPassword": "Show password",
};
