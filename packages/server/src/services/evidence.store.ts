import { createHash } from "node:crypto";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { DomainError } from "@giamsat/core";

/** Accepted evidence file types: extension → MIME type and the magic bytes the content starts with. */
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const TYPES: Record<string, { mime: string; magic: number[] }> = {
  pdf: { mime: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  docx: {
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    magic: ZIP,
  },
  xlsx: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", magic: ZIP },
  odt: { mime: "application/vnd.oasis.opendocument.text", magic: ZIP },
  ods: { mime: "application/vnd.oasis.opendocument.spreadsheet", magic: ZIP },
  zip: { mime: "application/zip", magic: ZIP },
  doc: { mime: "application/msword", magic: OLE },
  xls: { mime: "application/vnd.ms-excel", magic: OLE },
  png: { mime: "image/png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  jpg: { mime: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
  jpeg: { mime: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
};

export const EVIDENCE_EXTENSIONS = Object.keys(TYPES);

export type StoredFile = {
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  storagePath: string;
};

/** Checks an uploaded file's name and content: a whitelisted extension whose magic bytes match. */
export function checkEvidenceFile(
  fileName: string,
  content: Buffer,
  maxBytes: number,
): { mime: string } {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  const type = TYPES[ext];
  if (!type) {
    throw new DomainError(
      "unsupported_type",
      `Tệp "${fileName}": loại tệp không được chấp nhận. Chỉ nhận: ${EVIDENCE_EXTENSIONS.join(", ")}.`,
    );
  }
  if (content.length === 0) throw new DomainError("validation", `Tệp "${fileName}" rỗng.`);
  if (content.length > maxBytes) {
    throw new DomainError(
      "payload_too_large",
      `Tệp "${fileName}" vượt quá dung lượng cho phép (${Math.round(maxBytes / 1024 / 1024)} MB).`,
    );
  }
  if (!type.magic.every((byte, i) => content[i] === byte)) {
    throw new DomainError(
      "unsupported_type",
      `Tệp "${fileName}": nội dung không đúng định dạng .${ext} (tệp có thể bị đổi đuôi hoặc hỏng).`,
    );
  }
  return { mime: type.mime };
}

/** A file name safe to store and to send back: no folders, no control characters. */
export function safeFileName(name: string): string {
  const base = path
    .basename(name.replace(/\\/g, "/"))
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    .trim();
  return (base || "tep").slice(0, 200);
}

/**
 * Stores the content under `<dataDir>/evidence/<aa>/<sha256>` (content-addressed: the same file
 * uploaded twice is stored once), durably: written to a temporary file, fsynced, renamed.
 */
export async function storeEvidenceFile(
  dataDir: string,
  fileName: string,
  content: Buffer,
  maxBytes: number,
): Promise<StoredFile> {
  const { mime } = checkEvidenceFile(fileName, content, maxBytes);
  const sha256 = createHash("sha256").update(content).digest("hex");
  const storagePath = path.join("evidence", sha256.slice(0, 2), sha256);
  const target = path.join(dataDir, storagePath);
  const exists = await stat(target).then(
    () => true,
    () => false,
  );
  if (!exists) {
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
    const handle = await open(temp, "w", 0o600);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  }
  return { fileName: safeFileName(fileName), mime, size: content.length, sha256, storagePath };
}

/**
 * Removes the temporary files a store cut short left behind (`*.tmp` under `<dataDir>/evidence`:
 * a process killed between writing and renaming). Run at start, before any upload is taken.
 */
export async function removeStaleTempFiles(dataDir: string): Promise<number> {
  const root = path.join(dataDir, "evidence");
  const folders = await readdir(root).catch(() => [] as string[]);
  let removed = 0;
  for (const folder of folders) {
    const names = await readdir(path.join(root, folder)).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith(".tmp"))) {
      await rm(path.join(root, folder, name), { force: true });
      removed++;
    }
  }
  return removed;
}
