import { PrinterOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";

/** Prints the page as laid out for A4 paper (print.css). */
export function PrintButton() {
  const { t } = useI18n();
  return (
    <Button
      icon={<PrinterOutlined aria-hidden />}
      title={t("print.buttonHint")}
      onClick={() => window.print()}
      data-testid="print-button"
    >
      {t("print.button")}
    </Button>
  );
}
