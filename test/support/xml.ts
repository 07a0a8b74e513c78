/**
 * A small, strict XML 1.0 parser for tests (no XML library is installed): well-formedness
 * (one root, matching tags, quoted and unique attributes, known entities only, no `<` or bare
 * `&` in text, nothing but whitespace, comments and PIs outside the root), and namespace
 * resolution of the default and prefixed namespaces. No DTDs: any <!DOCTYPE is refused.
 */
export type XmlElement = {
  name: string;
  /** Local name and namespace URI, resolved. */
  local: string;
  ns: string | null;
  attrs: Record<string, string>;
  children: (XmlElement | string)[];
};

export class XmlError extends Error {}

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/;
const PREDEFINED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function parseXml(source: string): { root: XmlElement; processingInstructions: { target: string; data: string }[] } {
  let i = 0;
  const pis: { target: string; data: string }[] = [];
  const fail = (msg: string): never => {
    const line = source.slice(0, i).split("\n").length;
    throw new XmlError(`${msg} (line ${line})`);
  };
  if (source.charCodeAt(0) === 0xfeff) i = 1;
  // eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 refuses
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(source)) fail("character not allowed in XML 1.0");

  const decode = (raw: string): string =>
    raw.replace(/&([^;]*);|&/g, (m, ref: string | undefined) => {
      if (ref === undefined) return fail("bare & (escape it as &amp;)");
      if (ref in PREDEFINED) return PREDEFINED[ref]!;
      const num = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(ref);
      if (!num) return fail(`unknown entity &${ref};`);
      const code = num[1] ? parseInt(num[1], 16) : Number(num[2]);
      if (!(code === 9 || code === 10 || code === 13 || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff)))
        fail(`character reference to a character not allowed in XML: ${m}`);
      return String.fromCodePoint(code);
    });

  const skipMisc = () => {
    for (;;) {
      const ws = /^\s*/.exec(source.slice(i))![0];
      i += ws.length;
      if (source.startsWith("<!--", i)) {
        const end = source.indexOf("-->", i + 4);
        if (end < 0) fail("unterminated comment");
        if (source.slice(i + 4, end).includes("--")) fail("-- inside a comment");
        i = end + 3;
      } else if (source.startsWith("<?", i)) {
        const end = source.indexOf("?>", i);
        if (end < 0) fail("unterminated processing instruction");
        const body = source.slice(i + 2, end);
        const target = NAME.exec(body)?.[0] ?? fail("processing instruction without a target");
        if (target.toLowerCase() === "xml" && i !== 0 && !(i === 1 && source.charCodeAt(0) === 0xfeff)) fail("XML declaration not at the start");
        pis.push({ target, data: body.slice(target.length).trim() });
        i = end + 2;
      } else if (source.startsWith("<!DOCTYPE", i)) {
        fail("DOCTYPE is not accepted");
      } else return;
    }
  };

  const parseElement = (scopes: Record<string, string>[]): XmlElement => {
    if (source[i] !== "<") fail("expected an element");
    i++;
    const name = NAME.exec(source.slice(i))?.[0] ?? fail("bad element name");
    i += name.length;
    const attrs: Record<string, string> = {};
    for (;;) {
      const ws = /^\s*/.exec(source.slice(i))![0];
      i += ws.length;
      if (source.startsWith("/>", i) || source[i] === ">") break;
      if (!ws) fail(`whitespace needed between attributes of <${name}>`);
      const attr = NAME.exec(source.slice(i))?.[0] ?? fail(`bad attribute in <${name}>`);
      i += attr.length;
      const eq = /^\s*=\s*/.exec(source.slice(i))?.[0] ?? fail(`attribute ${attr} without a value`);
      i += eq.length;
      const quote = source[i];
      if (quote !== '"' && quote !== "'") fail(`attribute ${attr} not quoted`);
      const end = source.indexOf(quote!, i + 1);
      if (end < 0) fail("unterminated attribute value");
      const raw = source.slice(i + 1, end);
      if (raw.includes("<")) fail(`< in attribute ${attr}`);
      if (attr in attrs) fail(`attribute ${attr} repeated on <${name}>`);
      attrs[attr] = decode(raw).replace(/[\t\n\r]/g, " ");
      i = end + 1;
    }
    const scope: Record<string, string> = { ...scopes[scopes.length - 1] };
    for (const [k, v] of Object.entries(attrs)) {
      if (k === "xmlns") scope[""] = v;
      else if (k.startsWith("xmlns:")) scope[k.slice(6)] = v;
    }
    const resolve = (qname: string, isElement: boolean) => {
      const [prefix, local] = qname.includes(":") ? qname.split(":") : ["", qname];
      if (prefix === "xml") return { ns: "http://www.w3.org/XML/1998/namespace", local: local! };
      if (!isElement && prefix === "") return { ns: null, local: local! };
      const ns = scope[prefix!];
      if (prefix && ns === undefined) fail(`undeclared namespace prefix ${prefix}`);
      return { ns: ns || null, local: local! };
    };
    for (const k of Object.keys(attrs)) if (k !== "xmlns" && !k.startsWith("xmlns:")) resolve(k, false);
    const { ns, local } = resolve(name, true);
    const node: XmlElement = { name, local, ns, attrs, children: [] };
    if (source.startsWith("/>", i)) {
      i += 2;
      return node;
    }
    i++;
    let text = "";
    const flush = () => {
      if (text) node.children.push(decode(text));
      text = "";
    };
    for (;;) {
      if (i >= source.length) fail(`<${name}> is not closed`);
      if (source.startsWith("</", i)) {
        flush();
        const close = /^<\/([^\s>]+)\s*>/.exec(source.slice(i)) ?? fail("bad end tag");
        if (close[1] !== name) fail(`</${close[1]}> closes <${name}>`);
        i += close[0].length;
        return node;
      }
      if (source.startsWith("<!--", i) || source.startsWith("<?", i)) {
        flush();
        const end = source.startsWith("<!--", i) ? source.indexOf("-->", i) + 3 : source.indexOf("?>", i) + 2;
        if (end < 3) fail("unterminated comment or PI");
        i = end;
      } else if (source.startsWith("<![CDATA[", i)) {
        flush();
        const end = source.indexOf("]]>", i);
        if (end < 0) fail("unterminated CDATA");
        node.children.push(source.slice(i + 9, end));
        i = end + 3;
      } else if (source[i] === "<") {
        flush();
        node.children.push(parseElement([...scopes, scope]));
      } else {
        if (source.startsWith("]]>", i)) fail("]]> in text");
        text += source[i];
        i++;
      }
    }
  };

  skipMisc();
  const root = parseElement([{}]);
  skipMisc();
  if (i < source.length) fail("content after the root element");
  return { root, processingInstructions: pis };
}

export const elements = (e: XmlElement) => e.children.filter((c): c is XmlElement => typeof c !== "string");
export const textOf = (e: XmlElement): string => e.children.map((c) => (typeof c === "string" ? c : textOf(c))).join("");
