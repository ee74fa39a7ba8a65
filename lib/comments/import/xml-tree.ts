import { SaxesParser } from 'saxes';
import { ImportRefusedError } from './import-refused';

/** An XML element with its attributes, child elements and the text directly inside it (CDATA included). */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/**
 * Reads a well-formed XML document. A DOCTYPE is refused outright: neither Disqus nor WordPress writes
 * one, and it is how entity expansion (billion laughs) and external entities (local files, URLs) get
 * in. saxes itself never reads a DTD, so with none allowed only XML's five entities and character
 * references are ever replaced.
 */
export function readXml(xml: string, fileName: string): XmlElement {
  const parser = new SaxesParser<{ xmlns: false; fileName: string }>({ fileName, xmlns: false });
  const document: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const open = [document];
  const current = () => open[open.length - 1] ?? document;
  parser.on('doctype', () => {
    throw new ImportRefusedError(
      `${fileName} declares a DOCTYPE, which neither Disqus nor WordPress exports have: refused, so that no entity it defines is expanded or read from elsewhere.`,
    );
  });
  parser.on('opentag', ({ name, attributes }) => {
    const element: XmlElement = { name, attributes: { ...attributes }, children: [], text: '' };
    current().children.push(element);
    open.push(element);
  });
  parser.on('closetag', () => open.pop());
  parser.on('text', (text) => (current().text += text));
  parser.on('cdata', (text) => (current().text += text));
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof ImportRefusedError) throw error;
    throw new ImportRefusedError(`${fileName} is not well-formed XML (${error instanceof Error ? error.message : String(error)}); nothing was imported.`);
  }
  const [root] = document.children;
  if (!root) throw new ImportRefusedError(`${fileName} holds no XML element.`);
  return root;
}

export const childrenNamed = (element: XmlElement, name: string) => element.children.filter((child) => child.name === name);
export const childNamed = (element: XmlElement, name: string) => element.children.find((child) => child.name === name);
/** The trimmed text of the named child, or '' when there is none. */
export const textOf = (element: XmlElement | undefined, name: string) => (element && childNamed(element, name)?.text.trim()) ?? '';
