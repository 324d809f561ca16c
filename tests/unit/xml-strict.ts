import { SaxesParser, type SaxesTagNS } from 'saxes';

/** An element of a strictly parsed XML document. */
export interface XmlElement {
	/** Qualified name, e.g. "atom:link". */
	name: string;
	attributes: Record<string, string>;
	children: XmlElement[];
	/** The element's own text and CDATA, character references resolved, line ends normalized as XML requires. */
	text: string;
}

/**
 * Parses XML with saxes, a parser that checks XML 1.0 (fifth edition) and
 * Namespaces in XML in full: every character against the Char production,
 * every character reference, every name, every prefix. Any error throws,
 * which is what a strict feed reader does. fast-xml-parser's validator
 * checks the structure but lets a U+0001 through.
 */
export function parseXmlStrict(xml: string): XmlElement {
	const parser = new SaxesParser({ xmlns: true });
	const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
	const stack = [root];
	const open = (tag: SaxesTagNS) => {
		const element: XmlElement = { name: tag.name, attributes: Object.fromEntries(Object.values(tag.attributes).map((attribute) => [attribute.name, attribute.value])), children: [], text: '' };
		stack.at(-1)!.children.push(element);
		stack.push(element);
	};
	parser.on('opentag', open);
	parser.on('closetag', () => void stack.pop());
	parser.on('text', (text) => void (stack.at(-1)!.text += text));
	parser.on('cdata', (text) => void (stack.at(-1)!.text += text));
	parser.on('error', (error) => {
		throw error;
	});
	parser.write(xml).close();
	const [document] = root.children;
	if (!document || root.children.length !== 1) throw new Error('expected exactly one root element');
	return document;
}

/** The child elements of `element` with a name, in order. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
	return element.children.filter((child) => child.name === name);
}

/** The one child element of `element` with a name (or a thrown error naming it). */
export function child(element: XmlElement, name: string): XmlElement {
	const [found, ...more] = childrenNamed(element, name);
	if (!found || more.length > 0) throw new Error(`expected one <${name}> in <${element.name}>, found ${more.length + (found ? 1 : 0)}`);
	return found;
}
