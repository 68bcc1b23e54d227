/** The printed picture of a chart (see useChartOnPaper); nothing on screen. */
export function ChartOnPaper({ picture, label }: { picture: string | null; label: string }) {
  if (!picture) return null;
  return <img className="chart-on-paper" src={picture} alt={label} data-testid="chart-on-paper" />;
}
