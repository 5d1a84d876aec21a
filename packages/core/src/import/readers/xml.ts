/**
 * A small, tolerant XML reader for the parts of Office files (.docx, .xlsx): it builds a light
 * element tree and throws only when a part exceeds READ_LIMITS (elements nested too deep, too
 * many elements: a DocumentTooLargeError), never on malformed markup. Comments, processing instructions and DOCTYPE declarations are
 * skipped (no entity expansion: no external entities, no "billion laughs"); CDATA becomes text;
 * unknown entities stay as written; a stray closing tag is ignored and unclosed elements are
 * closed at the end of the input. Names keep their prefix (`w:p`); helpers match the local name
 * (`p`) so that documents written with other prefixes or a default namespace read the same.
 */
import { countText, DocumentTooLargeError } from "../document-too-large.error.js";
import { decodeEntities } from "./inline-markup.js";
import { READ_LIMITS } from "./read-limits.js";

export type XmlNode = XmlElement | string;

export type XmlElement = {
  /** Qualified name as written, e.g. `w:tc`. */
  name: string;
  /** Local name without prefix, e.g. `tc`. */
  local: string;
  attrs: Record<string, string>;
  children: XmlNode[];
};

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

function element(name: string, attrs: Record<string, string>): XmlElement {
  return { name, local: localName(name), attrs, children: [] };
}

const ATTR = /([^\s=/>]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

function parseAttrs(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of source.matchAll(ATTR)) {
    const name = m[1];
    if (name) attrs[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? "");
  }
  return attrs;
}

/** Parses XML text into a synthetic root element (`#document`) holding the top-level nodes. */
export function parseXml(text: string): XmlElement {
  const root = element("#document", {});
  const stack: XmlElement[] = [root];
  const top = () => stack[stack.length - 1] ?? root;
  const pushText = (raw: string) => {
    // Indentation between elements carries no content; a lone space inside w:t does.
    if (raw.length === 0 || (raw.includes("\n") && raw.trim() === "")) return;
    top().children.push(decodeEntities(raw));
  };
  let elements = 0;
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    if (lt < 0) {
      pushText(text.slice(i));
      break;
    }
    if (lt > i) pushText(text.slice(i, lt));
    if (text.startsWith("<!--", lt)) {
      const end = text.indexOf("-->", lt + 4);
      i = end < 0 ? text.length : end + 3;
    } else if (text.startsWith("<![CDATA[", lt)) {
      const end = text.indexOf("]]>", lt + 9);
      top().children.push(text.slice(lt + 9, end < 0 ? text.length : end));
      i = end < 0 ? text.length : end + 3;
    } else if (text[lt + 1] === "?" || text[lt + 1] === "!") {
      const end = text.indexOf(">", lt + 2);
      i = end < 0 ? text.length : end + 1;
    } else {
      const end = findTagEnd(text, lt + 1);
      const body = text.slice(lt + 1, end);
      i = end + 1;
      if (body.startsWith("/")) closeTag(stack, body.slice(1).trim());
      else {
        openTag(stack, body);
        if (++elements > READ_LIMITS.elements) {
          const limit = countText(READ_LIMITS.elements);
          throw new DocumentTooLargeError(`một phần của tệp có hơn ${limit} thẻ XML`);
        }
        if (stack.length > READ_LIMITS.depth + 1) {
          const limit = countText(READ_LIMITS.depth);
          throw new DocumentTooLargeError(`các thẻ XML lồng nhau hơn ${limit} cấp`);
        }
      }
    }
  }
  return root;
}

/** Index of the `>` that ends a tag, skipping `>` inside quoted attribute values. */
function findTagEnd(text: string, from: number): number {
  let quote = "";
  for (let j = from; j < text.length; j++) {
    const c = text[j];
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ">") return j;
  }
  return text.length;
}

function openTag(stack: XmlElement[], body: string): void {
  const selfClosing = body.endsWith("/");
  const inner = selfClosing ? body.slice(0, -1) : body;
  const nameEnd = inner.search(/[\s/]/);
  const name = nameEnd < 0 ? inner : inner.slice(0, nameEnd);
  if (!name) return;
  const el = element(name, nameEnd < 0 ? {} : parseAttrs(inner.slice(nameEnd)));
  stack[stack.length - 1]?.children.push(el);
  if (!selfClosing) stack.push(el);
}

function closeTag(stack: XmlElement[], name: string): void {
  for (let k = stack.length - 1; k > 0; k--) {
    if (stack[k]?.name === name) {
      stack.length = k;
      return;
    }
  }
}

/** An element with nothing in it: a stand-in for a part or child that is missing. */
export function emptyElement(): XmlElement {
  return element("#empty", {});
}

export function isElement(node: XmlNode | undefined): node is XmlElement {
  return typeof node === "object";
}

/** Child elements, optionally only those with the given local name. */
export function childElements(el: XmlElement, local?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (isElement(c) && (!local || c.local === local)) out.push(c);
  return out;
}

export function firstChild(el: XmlElement | undefined, local: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (isElement(c) && c.local === local) return c;
  return undefined;
}

/** All descendants with the given local name, in document order (not inside matches). */
export function findAll(el: XmlElement, local: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (!isElement(c)) continue;
    if (c.local === local) out.push(c);
    else findAll(c, local, out);
  }
  return out;
}

/** An attribute by local name (`w:val`, `val` and `x:val` all answer "val"). */
export function attr(el: XmlElement | undefined, local: string): string | undefined {
  if (!el) return undefined;
  const direct = el.attrs[local];
  if (direct !== undefined) return direct;
  for (const [key, value] of Object.entries(el.attrs)) if (localName(key) === local) return value;
  return undefined;
}

/** The concatenated text of all descendant text nodes. */
export function textContent(el: XmlElement): string {
  let out = "";
  for (const c of el.children) out += isElement(c) ? textContent(c) : c;
  return out;
}
