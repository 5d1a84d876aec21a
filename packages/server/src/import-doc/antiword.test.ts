/**
 * Legacy Word (.doc): a plan written as a real Word 97–2003 file (core's test-support writer:
 * compound file, FIB, UTF-16 text, piece table, paragraph and character property pages) imports
 * through antiword to the same tasks as its text; without antiword, or with a damaged file, the
 * import stops with a Vietnamese message that says what to do.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importDocumentFile, NotAPlanError, readTextBlocks } from "@giamsat/core";
import { writeDoc } from "../../../core/src/import/fixtures/doc.writer.js";
import { essentials } from "../../../core/src/import/fixtures/essentials.js";
import { blocksToDocx } from "../../../core/src/import/fixtures/office.from-blocks.js";
import { antiwordReader, NO_ANTIWORD } from "./antiword.runner.js";

const PLAN = readFileSync(
  new URL("../../../core/src/import/fixtures/province-plan.txt", import.meta.url),
  "utf8",
);
const doc = writeDoc(blocksToDocx(readTextBlocks(PLAN)));

describe("legacy Word (.doc) through antiword", () => {
  it("imports to the same document and tasks as its text", async () => {
    const fromDoc = await importDocumentFile(doc, { legacyWord: antiwordReader("antiword") });
    const fromText = await importDocumentFile(new TextEncoder().encode(PLAN));
    expect(fromDoc.document).toEqual(fromText.document);
    expect(essentials(fromDoc)).toEqual(essentials(fromText));
    expect(fromDoc.appendices.flatMap((a) => a.tasks.map((t) => t.name))).toEqual(
      fromText.appendices.flatMap((a) => a.tasks.map((t) => t.name)),
    );
  });

  it("says in Vietnamese that antiword is missing, or that the file is damaged", async () => {
    const refusal = (bytes: Uint8Array, program: string) =>
      importDocumentFile(bytes, { legacyWord: antiwordReader(program) }).then(
        () => "read",
        (e: unknown) => (e instanceof NotAPlanError ? e.message : String(e)),
      );
    expect(await refusal(doc, "/nonexistent/antiword")).toBe(NO_ANTIWORD);
    const damaged = doc.slice();
    damaged.fill(0, 512, 1024); // the Word stream's header (FIB) wiped
    expect(await refusal(damaged, "antiword")).toMatch(
      /^Không đọc được tệp Word định dạng cũ \(\.doc\): tệp bị hỏng/,
    );
  });
});
