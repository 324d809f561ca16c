import { cleanData } from '../utils/safe-text.ts';

/**
 * Characters that mean something to the HTML parser inside a `<script>`
 * element (`</script>`, `<!--`, `&`-entities in foreign content) or that
 * some JavaScript engines once treated as line ends (U+2028, U+2029).
 */
const UNSAFE = /[<>&\u2028\u2029]/g;

/**
 * JSON for an inline `<script type="application/ld+json">`: `JSON.stringify`
 * with every `<`, `>`, `&`, U+2028 and U+2029 written as a `\uXXXX` escape.
 * Those characters can only occur inside JSON strings, where the escape means
 * the same character, so JSON parsers read the same value, while no text
 * (`</script>`, `<!--`) can end the element or switch the HTML tokenizer into
 * a state that would swallow the rest of the page. Every string is cleaned
 * first ({@link cleanData}).
 * @example serializeJsonLd({ title: '</script>' }) // '{"title":"\\u003c/script\\u003e"}'
 */
export function serializeJsonLd(value: unknown): string {
	// Control characters and non-characters are no text for a search engine: dropped like in every other output.
	const json = JSON.stringify(cleanData(value));
	if (json === undefined) throw new TypeError('serializeJsonLd: the value has no JSON form');
	return json.replace(UNSAFE, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
