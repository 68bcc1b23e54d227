import { createRequire } from "node:module";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { loadPdfKit } from "../lazy-packages.ts";

const require = createRequire(import.meta.url);
const fontRegular = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
const fontBold = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");

/** An administrative document in the Vietnamese layout (NĐ 30/2020/NĐ-CP): header, title, body, signature. */
export interface AdminDocument {
  /** Issuing body, upper case, e.g. "UBND TỈNH KON TUM". */
  issuer: string;
  number: string;
  place: string;
  /** ISO date. */
  date: string;
  title: string;
  subtitle?: string;
  /** A decision's issuing authority line ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"), centred in bold above the grounds. */
  authority?: string;
  paragraphs: string[];
  table?: { headers: string[]; rows: string[][] };
  signer: { title: string; name: string };
}

const nationalTitle = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
const motto = "Độc lập - Tự do - Hạnh phúc";

export function dateLine(place: string, iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${place}, ngày ${d} tháng ${m} năm ${y}`;
}

const noBorders = {
  top: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  bottom: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  left: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  right: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
};

const centered = (
  text: string,
  options: { bold?: boolean; italics?: boolean; size?: number } = {},
) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new TextRun({ text, font: "Times New Roman", size: options.size ?? 26, ...options }),
    ],
  });

export async function renderDocx(document: AdminDocument): Promise<Buffer> {
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { ...noBorders, insideHorizontal: noBorders.top, insideVertical: noBorders.top },
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: 40, type: WidthType.PERCENTAGE },
            borders: noBorders,
            children: [
              centered(document.issuer, { bold: true }),
              centered(`Số: ${document.number}`),
            ],
          }),
          new TableCell({
            width: { size: 60, type: WidthType.PERCENTAGE },
            borders: noBorders,
            children: [
              centered(nationalTitle, { bold: true, size: 24 }),
              centered(motto, { bold: true }),
              centered(dateLine(document.place, document.date), { italics: true }),
            ],
          }),
        ],
      }),
    ],
  });
  const body = document.paragraphs.map(
    (text) =>
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: 567 },
        spacing: { after: 120 },
        children: [new TextRun({ text, font: "Times New Roman", size: 28 })],
      }),
  );
  const table = document.table
    ? [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [document.table.headers, ...document.table.rows].map(
            (cells, index) =>
              new TableRow({
                children: cells.map(
                  (cell) =>
                    new TableCell({
                      children: [
                        new Paragraph({
                          children: [
                            new TextRun({
                              text: cell,
                              font: "Times New Roman",
                              size: 24,
                              bold: index === 0,
                            }),
                          ],
                        }),
                      ],
                    }),
                ),
              }),
          ),
        }),
      ]
    : [];
  const doc = new Document({
    creator: "NTM Monitor",
    title: document.title,
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } },
        children: [
          header,
          new Paragraph({ text: "" }),
          centered(document.title, { bold: true, size: 28 }),
          ...(document.subtitle ? [centered(document.subtitle, { bold: true })] : []),
          ...(document.authority ? [centered(document.authority, { bold: true })] : []),
          new Paragraph({ text: "" }),
          ...body,
          ...table,
          new Paragraph({ text: "" }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [
              new TextRun({
                text: document.signer.title,
                bold: true,
                font: "Times New Roman",
                size: 28,
              }),
            ],
          }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [
              new TextRun({
                text: "(Ký, ghi rõ họ tên, đóng dấu)",
                italics: true,
                font: "Times New Roman",
                size: 24,
              }),
            ],
          }),
          new Paragraph({ text: "" }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [
              new TextRun({
                text: document.signer.name,
                bold: true,
                font: "Times New Roman",
                size: 28,
              }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export async function renderPdf(document: AdminDocument): Promise<Buffer> {
  const PDFDocument = await loadPdfKit();
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({
      size: "A4",
      margins: { top: 56, bottom: 56, left: 85, right: 56 },
    });
    const chunks: Buffer[] = [];
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
    pdf.registerFont("regular", fontRegular);
    pdf.registerFont("bold", fontBold);
    const left = pdf.page.margins.left;
    const width = pdf.page.width - left - pdf.page.margins.right;
    const top = pdf.y;
    const leftWidth = width * 0.4;
    pdf
      .font("bold")
      .fontSize(10)
      .text(document.issuer, left, top, { width: leftWidth, align: "center" });
    pdf.font("regular").text(`Số: ${document.number}`, { width: leftWidth, align: "center" });
    const leftBottom = pdf.y;
    pdf
      .font("bold")
      .fontSize(10)
      .text(nationalTitle, left + leftWidth, top, { width: width - leftWidth, align: "center" });
    pdf.text(motto, { width: width - leftWidth, align: "center", underline: true });
    pdf.moveDown(0.4);
    pdf
      .font("regular")
      .text(dateLine(document.place, document.date), { width: width - leftWidth, align: "center" });
    pdf.y = Math.max(pdf.y, leftBottom) + 20;
    pdf.font("bold").fontSize(13).text(document.title, left, pdf.y, { width, align: "center" });
    if (document.subtitle) pdf.fontSize(11).text(document.subtitle, { width, align: "center" });
    if (document.authority) {
      pdf.moveDown(0.6).text(document.authority, left, pdf.y, { width, align: "center" });
    }
    pdf.moveDown();
    pdf.font("regular").fontSize(11);
    for (const paragraph of document.paragraphs) {
      pdf.text(paragraph, left, pdf.y, { width, align: "justify", indent: 24 });
      pdf.moveDown(0.4);
    }
    if (document.table) {
      const columns = document.table.headers.length;
      // A number column stays narrow so the names get the room.
      const shares = columns === 3 ? [0.08, 0.62, 0.3] : undefined;
      const widths = document.table.headers.map((_, i) =>
        shares
          ? width * (shares[i] as number)
          : i === 1
            ? width * 0.5
            : (width * 0.5) / (columns - 1),
      );
      for (const [index, row] of [document.table.headers, ...document.table.rows].entries()) {
        pdf.font(index === 0 ? "bold" : "regular").fontSize(9);
        const heights = row.map((cell, i) =>
          pdf.heightOfString(cell, { width: (widths[i] as number) - 6 }),
        );
        const height = Math.max(...heights) + 6;
        if (pdf.y + height > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
        const y = pdf.y;
        let x = left;
        row.forEach((cell, i) => {
          const w = widths[i] as number;
          pdf.rect(x, y, w, height).stroke();
          pdf.text(cell, x + 3, y + 3, { width: w - 6 });
          x += w;
        });
        pdf.x = left;
        pdf.y = y + height;
      }
      pdf.moveDown();
    }
    pdf.moveDown();
    const signX = left + width * 0.5;
    pdf
      .font("bold")
      .fontSize(11)
      .text(document.signer.title, signX, pdf.y, { width: width * 0.5, align: "center" });
    pdf
      .font("regular")
      .fontSize(9)
      .text("(Ký, ghi rõ họ tên, đóng dấu)", { width: width * 0.5, align: "center" });
    pdf.moveDown(3);
    pdf
      .font("bold")
      .fontSize(11)
      .text(document.signer.name, { width: width * 0.5, align: "center" });
    pdf.end();
  });
}
