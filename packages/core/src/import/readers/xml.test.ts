import { describe, expect, it } from "vitest";
import { attr, childElements, findAll, firstChild, parseXml, textContent } from "./xml.js";

describe("parseXml", () => {
  it("reads elements, prefixed attributes, entities and CDATA", () => {
    const root = parseXml(
      '<?xml version="1.0"?><!-- c --><w:p a="1 &amp; 2" w:val=\'x>y\'><w:t xml:space="preserve"> A &lt;b&gt; &#273;&#x111; </w:t><![CDATA[<i>raw</i>]]></w:p>',
    );
    const p = firstChild(root, "p")!;
    expect(p.name).toBe("w:p");
    expect(attr(p, "a")).toBe("1 & 2");
    expect(attr(p, "val")).toBe("x>y");
    expect(textContent(p)).toBe(" A <b> đđ <i>raw</i>");
  });

  it("tolerates stray closing tags, unclosed elements and keeps going", () => {
    const root = parseXml("<a><b>1</x></b><c>2<d>3");
    const a = firstChild(root, "a")!;
    expect(childElements(a).map((e) => e.local)).toEqual(["b", "c"]);
    expect(textContent(a)).toBe("123");
  });

  it("does not expand DOCTYPE entities (no billion laughs, no external files)", () => {
    const root = parseXml('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>');
    expect(textContent(firstChild(root, "x")!)).toBe("&e;");
  });

  it("finds descendants by local name whatever the prefix", () => {
    const root = parseXml('<x:sst xmlns:x="ns"><x:si><x:t>a</x:t></x:si><si><t>b</t></si></x:sst>');
    expect(findAll(root, "t").map(textContent)).toEqual(["a", "b"]);
  });

  it("drops indentation between elements but keeps a lone space in a text element", () => {
    const root = parseXml("<r>\n  <t> </t>\n</r>");
    expect(firstChild(root, "r")!.children).toHaveLength(1);
    expect(textContent(firstChild(root, "r")!)).toBe(" ");
  });
});
