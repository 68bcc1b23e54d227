import { randomUUID } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

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

export async function storeEvidenceFile(options: {
  dataDir: string;
  unitCode: string;
  year: number;
  fileName: string;
  content: Buffer;
}): Promise<string> {
  const key = join(
    "evidence",
    options.unitCode,
    String(options.year),
    `${randomUUID()}.${extensionOf(options.fileName)}`,
  );
  const path = join(options.dataDir, key);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, options.content);
  return key;
}

export function readEvidenceFile(dataDir: string, key: string): Promise<Buffer> {
  return readFile(join(dataDir, key));
}

export async function removeEvidenceFile(dataDir: string, key: string): Promise<void> {
  await rm(join(dataDir, key), { force: true });
}
