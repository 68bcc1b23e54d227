/** Saves what an ECharts instance draws as a PNG file, on a white background. */
export function downloadChartPng(
  chart: {
    getDataURL: (options: { type: "png"; pixelRatio: number; backgroundColor: string }) => string;
  },
  fileName: string,
) {
  const link = document.createElement("a");
  link.href = chart.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" });
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
}
