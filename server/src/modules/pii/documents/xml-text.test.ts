import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { applyReplacements, extractParagraphs, type ParagraphSpec } from "./xml-text";

const SPEC: ParagraphSpec = {
  paragraph: new Set(["p"]),
  text: new Set(["t", "instrText"]),
  isolated: new Set(["instrText"]),
  separators: { tab: "\t" },
};

describe("paragraph text from runs", () => {
  test("E4: runs join into one paragraph string; entities decode; tabs separate; nested text boxes stand alone", () => {
    const xml =
      '<w:p><w:r><w:t>A &amp; </w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">96</w:t></w:r>' +
      "<w:r><w:pict><w:txbxContent><w:p><w:r><w:t>inner</w:t></w:r></w:p></w:txbxContent></w:pict></w:r>" +
      "<w:r><w:t>0121</w:t></w:r></w:p>";
    const ps = extractParagraphs(xml, SPEC);
    assert.deepEqual(
      ps.map((p) => p.text),
      ["A & \t960121", "inner"],
    );
    // Each segment maps back to the exact character data in the XML.
    for (const seg of ps[0].segments)
      assert.ok(["A &amp; ", "96", "0121"].includes(xml.slice(seg.xmlStart, seg.xmlEnd)));
  });

  test("E4: field codes do not run into the text next to them", () => {
    const xml = "<w:p><w:r><w:instrText>HYPERLINK x</w:instrText></w:r><w:r><w:t>960121</w:t></w:r></w:p>";
    assert.equal(extractParagraphs(xml, SPEC)[0].text, "HYPERLINK x\n960121");
  });
});

describe("writing replacements back into runs", () => {
  const xml =
    "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>ID 9601</w:t></w:r><w:r><w:t>21-10</w:t></w:r><w:r><w:t>21413 end</w:t></w:r></w:p>";
  const [p] = extractParagraphs(xml, SPEC);
  const start = p.text.indexOf("9601");
  const end = start + "960121-1021413".length;

  test("C12: a same-length mask is spread over the runs, each keeping its share and formatting", () => {
    const out = applyReplacements(xml, [
      { paragraph: p, replacements: [{ start, end, replacement: "960121-1******" }] },
    ]);
    assert.equal(
      out,
      "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>ID 9601</w:t></w:r><w:r><w:t>21-1*</w:t></w:r><w:r><w:t>***** end</w:t></w:r></w:p>",
    );
  });

  test("C12: a shorter replacement goes into the first run; emptied runs stay; spaces are preserved", () => {
    const out = applyReplacements(xml, [{ paragraph: p, replacements: [{ start, end, replacement: "" }] }]);
    const [q] = extractParagraphs(out, SPEC);
    assert.equal(q.text, "ID  end");
    assert.equal((out.match(/<w:r>/g) ?? []).length, 3);
    assert.match(out, /<w:t xml:space="preserve">ID <\/w:t>/);
    assert.match(out, /<w:t xml:space="preserve"> end<\/w:t>/);
  });

  test("C12: replacement text is escaped", () => {
    const out = applyReplacements(xml, [
      { paragraph: p, replacements: [{ start, end, replacement: "<RRN&>" }] },
    ]);
    assert.ok(out.includes("ID &lt;RRN&amp;&gt;"));
    assert.equal(extractParagraphs(out, SPEC)[0].text, "ID <RRN&> end");
  });
});
