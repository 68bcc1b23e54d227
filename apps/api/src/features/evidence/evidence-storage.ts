import { randomUUID } from "node:crypto";

export const maxEvidenceBytes = 10 * 1024 * 1024;

interface FileType {
  mimeType: string;
  /** Leading bytes every file of this type starts with. */
  signatures: number[][];
}

const pdf = [[0x25, 0x50, 0x44, 0x46]];
const zip = [[0x50, 0x4b, 0x03, 0x04]];
const ole = [[0xd0, 0xcf, 0x11, 0xe0]];

/** Accepted evidence types, checked by extension and by content. */
export const evidenceTypes: Record<string, FileType> = {
  pdf: { mimeType: "application/pdf", signatures: pdf },
  jpg: { mimeType: "image/jpeg", signatures: [[0xff, 0xd8, 0xff]] },
  jpeg: { mimeType: "image/jpeg", signatures: [[0xff, 0xd8, 0xff]] },
  png: { mimeType: "image/png", signatures: [[0x89, 0x50, 0x4e, 0x47]] },
  webp: { mimeType: "image/webp", signatures: [[0x52, 0x49, 0x46, 0x46]] },
  docx: {
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    signatures: zip,
  },
  xlsx: {
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    signatures: zip,
  },
  doc: { mimeType: "application/msword", signatures: ole },
  xls: { mimeType: "application/vnd.ms-excel", signatures: ole },
};

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot < 0 ? "" : fileName.slice(dot + 1).toLowerCase();
}

/** The type of a file when both its extension and its first bytes agree, else undefined. */
export function detectEvidenceType(fileName: string, content: Buffer): FileType | undefined {
  const type = evidenceTypes[extensionOf(fileName)];
  if (!type) return undefined;
  const ok = type.signatures.some((signature) =>
    signature.every((byte, index) => content[index] === byte),
  );
  return ok ? type : undefined;
}

/** A new, unguessable storage key for one evidence file of a unit and year. */
export function evidenceKey(options: { unitCode: string; year: number; fileName: string }): string {
  const extension = extensionOf(options.fileName);
  return `evidence/${options.unitCode}/${options.year}/${randomUUID()}.${extension}`;
}
