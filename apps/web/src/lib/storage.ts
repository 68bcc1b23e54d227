/** localStorage can be unavailable (private mode, disabled storage); settings then last one visit. */
export function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Nothing to do: the setting still applies until the page is reloaded.
  }
}
