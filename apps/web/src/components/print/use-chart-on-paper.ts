import { useEffect, useState, type RefObject } from "react";
import { flushSync } from "react-dom";
import type ReactEChartsCore from "echarts-for-react/esm/core";

/** The width of an A4 page less its margins (186 mm at 96 CSS pixels to the inch). */
export const PRINT_WIDTH_PX = 703;

/**
 * How finely a chart drawn `screenWidth` pixels wide is rendered for paper: two printer dots per
 * CSS pixel at the page's width, whatever the screen it was drawn on.
 */
export function paperPixelRatio(screenWidth: number) {
  return Math.max(2, (2 * PRINT_WIDTH_PX) / Math.max(screenWidth, 1));
}

/**
 * A picture of the chart for paper while the page is printed, null otherwise. A canvas drawn on
 * a phone and stretched to A4 prints blurred; the picture is the same chart rendered finely
 * enough for the page's width.
 */
export function useChartOnPaper(chart: RefObject<ReactEChartsCore | null>): string | null {
  const [picture, setPicture] = useState<string | null>(null);
  useEffect(() => {
    // Taken once per printing: hidden behind its picture, the chart may be resized to nothing.
    let taken = false;
    const toPaper = () => {
      const instance = chart.current?.getEchartsInstance();
      if (!instance || taken) return;
      taken = true;
      const url = instance.getDataURL({
        type: "png",
        pixelRatio: paperPixelRatio(instance.getWidth()),
        backgroundColor: "#fff",
      });
      // The page is laid out for paper as soon as this handler returns: draw the picture now.
      flushSync(() => setPicture(url));
    };
    const toScreen = () => {
      taken = false;
      setPicture(null);
    };
    const media = window.matchMedia?.("print");
    // The print dialog sends beforeprint; a print preview made by emulating the media sends only this.
    const onMedia = (event: MediaQueryListEvent) => (event.matches ? toPaper() : toScreen());
    window.addEventListener("beforeprint", toPaper);
    window.addEventListener("afterprint", toScreen);
    media?.addEventListener("change", onMedia);
    return () => {
      window.removeEventListener("beforeprint", toPaper);
      window.removeEventListener("afterprint", toScreen);
      media?.removeEventListener("change", onMedia);
    };
  }, [chart]);
  return picture;
}
