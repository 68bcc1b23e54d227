import { useEffect, useRef } from "react";

// The library's scrolling table containers, and any container a page marks itself.
const containers = ".ant-table-content, .ant-table-body, [data-scroll-region]";
const marked = "data-keyboard-scroll";

function headingNear(element: Element): string {
  const table = element.querySelector("table");
  const own = table?.getAttribute("aria-label") ?? table?.querySelector("caption")?.textContent;
  if (own) return own.trim();
  for (let node = element.parentElement; node; node = node.parentElement) {
    const heading = node.querySelector("h1, h2, h3, h4, .ant-card-head-title");
    if (heading?.textContent && node.contains(element)) return heading.textContent.trim();
  }
  return "";
}

const scrollable = new Set(["auto", "scroll"]);

/** Content wider or taller than the box counts only where the box lets the reader scroll it. */
function scrolls(element: Element): boolean {
  const style = window.getComputedStyle(element);
  return (
    (scrollable.has(style.overflowX) && element.scrollWidth > element.clientWidth + 1) ||
    (scrollable.has(style.overflowY) && element.scrollHeight > element.clientHeight + 1)
  );
}

/**
 * A container that scrolls must be reachable with the keyboard (WCAG 2.1.1): it gets a tab stop,
 * the role of a region and a name from its table or the nearest heading. One that stops scrolling
 * (a wider window) loses the tab stop again.
 */
export function useKeyboardScrollRegions(label: (name: string) => string) {
  const labelRef = useRef(label);
  labelRef.current = label;
  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      for (const element of document.querySelectorAll(containers)) {
        const isMarked = element.hasAttribute(marked);
        if (scrolls(element) && !isMarked) {
          element.setAttribute(marked, "");
          element.setAttribute("tabindex", "0");
          element.setAttribute("role", "region");
          element.setAttribute("aria-label", labelRef.current(headingNear(element)));
        } else if (!scrolls(element) && isMarked) {
          element.removeAttribute(marked);
          element.removeAttribute("tabindex");
          element.removeAttribute("role");
          element.removeAttribute("aria-label");
        }
      }
    };
    const schedule = () => {
      if (!frame) frame = window.requestAnimationFrame(update);
    };
    const observer = new MutationObserver(schedule);
    observer.observe(document.body, { childList: true, subtree: true });
    window.addEventListener("resize", schedule);
    schedule();
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", schedule);
      if (frame) window.cancelAnimationFrame(frame);
    };
  }, []);
}
