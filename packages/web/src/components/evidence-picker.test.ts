import { describe, expect, it } from "vitest";
import { fileProblem, MAX_FILE_BYTES } from "./evidence-picker.js";

const file = (name: string, size: number) => new File([new Uint8Array(size)], name);

describe("fileProblem (checked before any upload)", () => {
  it("accepts whitelisted types within the size limit", () => {
    expect(fileProblem(file("bien-ban.PDF", 1000))).toBeNull();
    expect(fileProblem(file("anh.jpeg", 10))).toBeNull();
  });
  it("names the file and the reason otherwise", () => {
    expect(fileProblem(file("chay.exe", 10))).toMatch(/“chay\.exe”.*không được chấp nhận/);
    expect(fileProblem(file("lon.pdf", MAX_FILE_BYTES + 1))).toMatch(
      /“lon\.pdf”.*vượt mức tối đa 20,0 MB/,
    );
    expect(fileProblem(file("rong.docx", 0))).toMatch(/rỗng/);
  });
});
