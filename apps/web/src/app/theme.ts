import type { ThemeConfig } from "antd";

export const theme: ThemeConfig = {
  token: {
    colorPrimary: "#1f6f43",
    colorLink: "#1a5e9a",
    borderRadius: 6,
    fontFamily:
      '"Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif',
    // Secondary texts (breadcrumbs, figure titles, hints) at 4.5:1 or more on white and on grey;
    // the library's defaults are 3.4:1.
    colorTextTertiary: "rgba(0, 0, 0, 0.6)",
    colorTextDescription: "rgba(0, 0, 0, 0.6)",
    // Danger buttons and error words at 4.5:1 on white (the default red is 3.3:1).
    colorError: "#cf1322",
  },
  components: {
    Layout: { headerBg: "#1f6f43", headerPadding: "0 16px", siderBg: "#ffffff" },
    // The "off" side of a switch carries a word in white: a darker grey track.
    Switch: {
      colorTextQuaternary: "rgba(0, 0, 0, 0.55)",
      colorTextTertiary: "rgba(0, 0, 0, 0.65)",
    },
  },
};

/** On a phone every control is at least 44 px high, a finger's touch target. */
export const phoneTheme: ThemeConfig = {
  ...theme,
  token: { ...theme.token, controlHeight: 44, controlHeightSM: 44, controlHeightLG: 48 },
  // A month of 44 px days still fits a 360 px screen.
  components: { ...theme.components, DatePicker: { cellHeight: 44, cellWidth: 46 } },
};
