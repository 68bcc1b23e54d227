import type { Scorecard } from "@ntm/contracts";
import type { LevelCode } from "@ntm/domain";
import { createContext, useContext } from "react";
import type { ScorecardEditor } from "./use-scorecard-editor.ts";

export interface ScorecardContextValue {
  code: string;
  year: number;
  scorecard: Scorecard;
  /** The level whose results the tiles and indicators show. */
  level: LevelCode;
  editor: ScorecardEditor;
}

export const ScorecardContext = createContext<ScorecardContextValue | null>(null);

export function useScorecardContext(): ScorecardContextValue {
  const value = useContext(ScorecardContext);
  if (!value) throw new Error("useScorecardContext must be used inside the scorecard page");
  return value;
}
