import type { ThemeConfig } from "antd";

export const theme: ThemeConfig = {
  token: {
    colorPrimary: "#1f6f43",
    colorLink: "#1a5e9a",
    borderRadius: 6,
    fontFamily:
      '"Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif',
  },
  components: {
    Layout: { headerBg: "#1f6f43", headerPadding: "0 16px", siderBg: "#ffffff" },
  },
};
