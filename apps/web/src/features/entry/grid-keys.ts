import type { KeyboardEvent } from "react";

/** A grid's cells carry their row and column so the keyboard can move between them. */
export function cellAttributes(row: number, column: number) {
  return { "data-grid-row": row, "data-grid-col": column } as const;
}

export function cellPosition(element: EventTarget | null): { row: number; column: number } | null {
  if (!(element instanceof HTMLElement)) return null;
  const row = element.dataset.gridRow;
  const column = element.dataset.gridCol;
  if (row === undefined || column === undefined) return null;
  return { row: Number(row), column: Number(column) };
}

function focusCell(grid: HTMLElement, row: number, column: number): boolean {
  const cell = grid.querySelector<HTMLElement>(
    `[data-grid-row="${row}"][data-grid-col="${column}"]`,
  );
  if (!cell) return false;
  cell.focus();
  if (cell instanceof HTMLInputElement) cell.select();
  return true;
}

function caretAtEdge(element: HTMLElement, edge: "start" | "end"): boolean {
  if (!(element instanceof HTMLInputElement)) return true;
  const { selectionStart, selectionEnd, value } = element;
  if (selectionStart === null || selectionEnd === null) return true;
  if (selectionStart !== selectionEnd) return selectionStart === 0 && selectionEnd === value.length;
  return edge === "start" ? selectionStart === 0 : selectionEnd === value.length;
}

/**
 * Spreadsheet keys on a grid: Enter and ↓ go down, Shift+Enter and ↑ go up, ← → at the edge of
 * the text go sideways, Ctrl+S (⌘S) saves. Tab is left to the browser.
 */
export function handleGridKey(event: KeyboardEvent<HTMLElement>, onSave: () => void): void {
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
    event.preventDefault();
    onSave();
    return;
  }
  const position = cellPosition(event.target);
  if (!position) return;
  const grid = event.currentTarget;
  const target = event.target as HTMLElement;
  let moved = false;
  if (event.key === "Enter" || event.key === "ArrowDown" || event.key === "ArrowUp") {
    if (event.altKey) return;
    const up = event.key === "ArrowUp" || (event.key === "Enter" && event.shiftKey);
    moved = focusCell(grid, position.row + (up ? -1 : 1), position.column);
    // Enter on the last row stays put rather than submitting anything.
    if (event.key === "Enter") event.preventDefault();
  } else if (event.key === "ArrowLeft" && caretAtEdge(target, "start")) {
    moved = focusCell(grid, position.row, position.column - 1);
  } else if (event.key === "ArrowRight" && caretAtEdge(target, "end")) {
    moved = focusCell(grid, position.row, position.column + 1);
  }
  if (moved) event.preventDefault();
}
