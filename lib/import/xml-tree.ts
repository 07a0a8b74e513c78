import { SaxesParser } from "saxes";
import type { ImportProblem } from "@/lib/import/model";

/**
 * A well-kept streaming XML parser (saxes: strict XML 1.0 well-formedness, namespaces, line
 * numbers) turned into the small tree the TBX reader walks. Safe by construction for files
 * from strangers:
 *
 * - no DTD processing at all: saxes never fetches or reads a DTD, and we refuse a DOCTYPE with
 *   an internal subset (`<!DOCTYPE x [ ... ]>`, where entities would be declared), so no
 *   entity can expand (no "billion laughs") and no external entity can be read (no XXE); a
 *   DOCTYPE naming only an external DTD (TBX v2 files from older tools carry one) is ignored;
 * - entities other than XML's five and character references are errors;
 * - the caller limits the size of the text, and the tree's depth is limited here.
 */

export type XmlNode = {
  /** Local name (namespace prefix removed). */
  local: string;
  ns: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Text and child elements in document order. */
  content: (XmlNode | string)[];
  line: number;
};

const MAX_DEPTH = 64;
const MAX_PROBLEMS = 20;

export type XmlParse = { root: XmlNode; problems: [] } | { root: null; problems: ImportProblem[] };

export function parseXmlTree(source: string): XmlParse {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const problems: ImportProblem[] = [];
  const stack: XmlNode[] = [];
  let root: XmlNode | null = null;
  let stopped = false;
  const problem = (message: string, line = parser.line, column = parser.column) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ line, column: column + 1, message });
  };

  parser.on("error", (e) => {
    // The first well-formedness error is the one to fix; what follows it is mostly its echo.
    if (stopped) return;
    stopped = true;
    // saxes prefixes its messages with "line:column: "; we report those as fields.
    let message = e.message.replace(/^\d+:\d+: /, "");
    const open = stack.at(-1);
    if (/close tag/.test(message) && open) message = `${message.replace(/\.$/, "")}: <${open.local}> (line ${open.line}) is still open.`;
    problem(message);
  });
  parser.on("doctype", (doctype) => {
    if (doctype.includes("[")) {
      problem("The file declares a DTD internal subset (<!DOCTYPE … [ … ]>); files with entity declarations are not read.");
      stopped = true;
    }
  });
  parser.on("opentag", (tag) => {
    if (stopped) return;
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      // xml:lang and friends keep their prefix; other attributes are known by their local name.
      attrs[a.prefix === "xml" ? `xml:${a.local}` : a.local] = a.value;
    }
    const node: XmlNode = { local: tag.local, ns: tag.uri, attrs, children: [], content: [], line: parser.line };
    const parent = stack.at(-1);
    if (parent) {
      parent.children.push(node);
      parent.content.push(node);
    }
    else root = node;
    stack.push(node);
    if (stack.length > MAX_DEPTH) {
      problem(`Elements are nested deeper than ${MAX_DEPTH} levels.`);
      stopped = true;
    }
  });
  parser.on("closetag", () => {
    if (!stopped) stack.pop();
  });
  const addText = (t: string) => {
    const top = stack.at(-1);
    if (top && !stopped) top.content.push(t);
  };
  parser.on("text", addText);
  parser.on("cdata", addText);

  try {
    parser.write(source);
    parser.close();
  } catch (e) {
    problem((e as Error).message.replace(/^\d+:\d+: /, ""));
  }
  if (problems.length > 0) return { root: null, problems };
  if (!root) return { root: null, problems: [{ line: 1, column: 1, message: "The file has no root element." }] };
  return { root, problems: [] };
}

export const childElements = (n: XmlNode, ...names: string[]) => n.children.filter((c) => names.includes(c.local));
export const firstChild = (n: XmlNode, ...names: string[]) => n.children.find((c) => names.includes(c.local));
/** All text inside the element, descendants included (inline markup such as <hi> flattened). */
export const textOf = (n: XmlNode): string => n.content.map((c) => (typeof c === "string" ? c : textOf(c))).join("");
