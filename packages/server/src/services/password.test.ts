import { describe, expect, it } from "vitest";
import { generatePassword, hashPassword, verifyPassword } from "./password.js";

describe("password hashing", () => {
  it("verifies the right password and rejects a wrong one", async () => {
    const stored = await hashPassword("mật-khẩu-đúng");
    expect(stored.startsWith("scrypt$")).toBe(true);
    expect(await verifyPassword("mật-khẩu-đúng", stored)).toBe(true);
    expect(await verifyPassword("mat-khau-dung", stored)).toBe(false);
  });

  it("salts: the same password hashes differently", async () => {
    expect(await hashPassword("abc")).not.toBe(await hashPassword("abc"));
  });

  it("rejects malformed stored hashes", async () => {
    expect(await verifyPassword("x", "plain")).toBe(false);
    expect(await verifyPassword("x", "")).toBe(false);
  });

  it("generates passwords of the requested length from an unambiguous alphabet", () => {
    const p = generatePassword(20);
    expect(p).toHaveLength(20);
    expect(p).not.toMatch(/[0O1lI]/);
  });
});
