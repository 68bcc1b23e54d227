import type { ClipboardEvent } from "react";
import { cellPosition } from "./grid-keys.ts";
import { isBlockPaste, planPaste, splitClipboard, type PasteTarget } from "./paste-parse.ts";

/**
 * Spreads a column or block pasted from a spreadsheet over the cells from the focused one; a
 * single value is left to the input. Returns the cells filled, or null when the paste was not a block.
 */
export function handleGridPaste(
  event: ClipboardEvent<HTMLElement>,
  size: { rows: number; columns: number },
  kindOf: (row: number, column: number) => "boolean" | "number",
  apply: (targets: PasteTarget[]) => void,
): number | null {
  const start = cellPosition(event.target);
  const text = event.clipboardData.getData("text/plain");
  if (!start || !isBlockPaste(text)) return null;
  event.preventDefault();
  const targets = planPaste(splitClipboard(text), start, size, kindOf);
  apply(targets);
  return targets.length;
}

/** The draft input a pasted cell becomes for a cell of the given kind. */
export function pastedInput(
  target: PasteTarget,
  kind: "boolean" | "number",
): string | boolean | null {
  const { cell } = target;
  if (cell.kind === "blank") return kind === "boolean" ? null : "";
  if (kind === "boolean" && cell.kind === "value") return cell.text === "yes";
  return cell.text;
}
