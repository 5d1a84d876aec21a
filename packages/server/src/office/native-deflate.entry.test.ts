import { Writable } from "node:stream";
import { crc32 } from "node:zlib";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { xlsxChunks, type ListSheet } from "@giamsat/core";
import { writeXlsx } from "./xlsx-stream.writer.js";

const columns: ListSheet["columns"] = [
  { title: "STT", widthMm: 11, kind: "number" },
  { title: "Nhiệm vụ", widthMm: 90, kind: "text" },
  { title: "Thời hạn", widthMm: 22, kind: "date" },
];

/** 30,000 rows: a dozen of the writer's pieces, more than zlib's queue holds at once */
async function* manyRows() {
  for (let i = 1; i <= 30_000; i++) {
    if (i % 1000 === 0) await new Promise((r) => setImmediate(r));
    yield [i, `Nhiệm vụ số ${i}: chuyển đổi số ${"đ".repeat(i % 97)}`, "2026-06-30"];
  }
}

const sheets = (): ListSheet[] => [
  { sheet: "Nhiệm vụ", columns, rows: manyRows() },
  { sheet: "Quá hạn", columns, rows: [[1, "Một dòng", null]] },
];

async function natively(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  await writeXlsx(sheets(), out);
  return Buffer.concat(chunks);
}

async function inThread(): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const c of xlsxChunks(sheets())) chunks.push(c);
  return Buffer.concat(chunks);
}

/** Each entry's name, CRC-32 and size as the zip's central directory records them. */
function centralDirectory(zip: Uint8Array) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end -= 1;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries = new Map<string, { crc: number; size: number }>();
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const nameLength = view.getUint16(at + 28, true);
    const name = strFromU8(zip.subarray(at + 46, at + 46 + nameLength));
    entries.set(name, { crc: view.getUint32(at + 16, true), size: view.getUint32(at + 24, true) });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

describe("worksheets compressed by zlib in the thread pool", () => {
  it("give the same parts as fflate's deflate, each with the CRC and size of its bytes", async () => {
    const [native, fflate] = await Promise.all([natively(), inThread()]);
    const parts = unzipSync(native);
    const expected = unzipSync(fflate);
    expect(Object.keys(parts).sort()).toEqual(Object.keys(expected).sort());
    for (const [name, bytes] of Object.entries(expected))
      expect(Buffer.compare(parts[name]!, bytes), name).toBe(0);
    const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"]!);
    expect(sheet).toContain('<row r="30001">');
    expect(sheet).toContain('<autoFilter ref="A1:C30001"/>');
    const directory = centralDirectory(native);
    expect(directory.size).toBe(Object.keys(parts).length);
    for (const [name, bytes] of Object.entries(parts))
      expect(directory.get(name), name).toEqual({ crc: crc32(bytes), size: bytes.length });
  });
});
