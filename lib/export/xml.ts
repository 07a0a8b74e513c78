/**
 * The little XML writing the TBX export needs: escaping, and dropping characters that XML 1.0
 * cannot carry at all (C0 controls other than tab, LF and CR; lone surrogates; U+FFFE/U+FFFF).
 */
// eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 cannot carry
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(s: string): string {
  return s.replace(NOT_XML_CHAR, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;");
}

/** A tree node: element name, attributes (undefined ones left out), children (strings are text). */
export type XmlNode = { name: string; attrs?: Record<string, string | undefined>; children?: (XmlNode | string)[] };

export const el = (name: string, attrs: XmlNode["attrs"] = {}, ...children: (XmlNode | string | null | false | undefined)[]): XmlNode => ({
  name,
  attrs,
  children: children.filter((c): c is XmlNode | string => !!c || c === ""),
});

/** Indented XML; elements whose children include text are written on one line (text kept exact). */
export function writeXml(node: XmlNode, depth = 0): string {
  const pad = "  ".repeat(depth);
  const attrs = Object.entries(node.attrs ?? {})
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(v!)}"`)
    .join("");
  const children = node.children ?? [];
  if (children.length === 0) return `${pad}<${node.name}${attrs}/>`;
  if (children.some((c) => typeof c === "string")) {
    const inner = children.map((c) => (typeof c === "string" ? xmlText(c) : writeXml(c).trim())).join("");
    return `${pad}<${node.name}${attrs}>${inner}</${node.name}>`;
  }
  return `${pad}<${node.name}${attrs}>\n${children.map((c) => writeXml(c as XmlNode, depth + 1)).join("\n")}\n${pad}</${node.name}>`;
}
