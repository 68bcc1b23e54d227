import { Input } from "antd";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { useScorecardContext } from "./scorecard-context.tsx";

export function NoteEditor({ indicatorCode, noteId }: { indicatorCode: string; noteId: string }) {
  const { t } = useI18n();
  const { editor } = useScorecardContext();
  const stored = editor.notes[indicatorCode] ?? "";

  if (!editor.canEdit(indicatorCode)) {
    return (
      <span className="note-readonly" data-testid={`indicator-note-${indicatorCode}`}>
        {stored || "—"}
      </span>
    );
  }
  return (
    <Input.TextArea
      id={noteId}
      value={editor.noteOf(indicatorCode)}
      autoSize={{ minRows: 1, maxRows: 6 }}
      maxLength={2000}
      aria-label={t("indicator.noteOf", { code: indicatorCode })}
      onChange={(event) => editor.updateDraft(indicatorCode, { note: event.target.value })}
      data-testid={`indicator-note-${indicatorCode}`}
    />
  );
}
