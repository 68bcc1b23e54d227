/** Scrolls to an element once React has rendered it (after the state change that creates it). */
export function scrollToId(id: string, focus = false): void {
  window.requestAnimationFrame(() => {
    window.requestAnimationFrame(() => {
      const element = document.getElementById(id);
      if (!element) return;
      const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      element.scrollIntoView({ behavior: reduced ? "auto" : "smooth", block: "start" });
      if (focus) element.focus({ preventScroll: true });
    });
  });
}
