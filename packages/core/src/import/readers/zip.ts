/**
 * Reading the parts of an Office file (a ZIP archive) with fflate. Only the parts asked for are
 * inflated, with a size cap, so a hostile archive cannot exhaust memory. Part names are compared
 * case-insensitively with `/` separators, as the Open Packaging Conventions require.
 */
import { unzipSync } from "fflate";
import { attr, findAll, parseXml } from "./xml.js";

/** Inflated parts by normalised name (lower case, forward slashes, no leading slash). */
export type ZipParts = Map<string, Uint8Array>;

/** No single part of a plan document comes near this; bigger is a zip bomb or not a plan. */
const MAX_PART_BYTES = 64 * 1024 * 1024;
const MAX_TOTAL_BYTES = 256 * 1024 * 1024;

function partName(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
}

/** "PK\x03\x04" (a local file header) or "PK\x05\x06" (an empty archive). */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6))
  );
}

/**
 * Inflates the parts whose normalised name `wanted` accepts. Returns null when the archive is
 * damaged or too large to be a plan document.
 */
export function unzipParts(bytes: Uint8Array, wanted: (name: string) => boolean): ZipParts | null {
  let total = 0;
  try {
    const files = unzipSync(bytes, {
      filter: (file) => {
        if (!wanted(partName(file.name))) return false;
        total += file.originalSize;
        if (file.originalSize > MAX_PART_BYTES || total > MAX_TOTAL_BYTES) {
          throw new RangeError("part too large");
        }
        return true;
      },
    });
    const parts: ZipParts = new Map();
    for (const [name, data] of Object.entries(files)) parts.set(partName(name), data);
    return parts;
  } catch {
    return null;
  }
}

const utf8 = new TextDecoder("utf-8");

/** A part as text (UTF-8, BOM dropped), or null when the archive does not hold it. */
export function partText(parts: ZipParts, name: string): string | null {
  const data = parts.get(partName(name));
  if (!data) return null;
  const text = utf8.decode(data);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export type Relationship = { id: string; type: string; target: string };

/** The relationships of a part (`word/document.xml` → `word/_rels/document.xml.rels`). */
export function relationships(parts: ZipParts, ownerPart: string): Relationship[] {
  const owner = partName(ownerPart);
  const slash = owner.lastIndexOf("/");
  const relsName = `${owner.slice(0, slash + 1)}_rels/${owner.slice(slash + 1)}.rels`;
  const text = partText(parts, relsName);
  if (text === null) return [];
  return findAll(parseXml(text), "Relationship").map((rel) => ({
    id: attr(rel, "Id") ?? "",
    type: attr(rel, "Type") ?? "",
    target: resolveTarget(owner, attr(rel, "Target") ?? ""),
  }));
}

/** The target of the first relationship whose type ends with `/kind`, if any. */
export function relatedPart(parts: ZipParts, ownerPart: string, kind: string): string | null {
  const rel = relationships(parts, ownerPart).find((r) => r.type.endsWith(`/${kind}`));
  return rel ? rel.target : null;
}

/**
 * Resolves a relationship target against the folder of the part that owns the relationship:
 * ("word/document.xml", "footnotes.xml") → "word/footnotes.xml"; absolute targets start at root.
 */
function resolveTarget(ownerPart: string, target: string): string {
  const base = target.startsWith("/") ? [] : partName(ownerPart).split("/").slice(0, -1);
  for (const segment of target.split(/[\\/]/)) {
    if (segment === "..") base.pop();
    else if (segment && segment !== ".") base.push(segment);
  }
  return partName(base.join("/"));
}
