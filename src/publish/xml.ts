import { cleanText } from '../utils/safe-text.ts';

/**
 * Escapes text for an XML element or a double- or single-quoted attribute.
 * Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates,
 * U+FFFE/U+FFFF) are dropped first, with the other characters no output keeps
 * ({@link cleanText}): no escape makes them legal, and one would make the
 * whole document unreadable to a crawler.
 */
export function escapeXml(text: string): string {
	return cleanText(text)
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}
