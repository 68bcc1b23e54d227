import { useSyncExternalStore } from "react";

// Below antd's "md" breakpoint, as the layout's own phone rules.
const query = "(max-width: 767.98px)";

function subscribe(onChange: () => void) {
  const list = window.matchMedia(query);
  list.addEventListener("change", onChange);
  return () => list.removeEventListener("change", onChange);
}

/** Whether the screen is a phone's, known from the first render (no second pass of styles). */
export function usePhone(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
}
