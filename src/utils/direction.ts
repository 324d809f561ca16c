/**
 * Text direction for what postings say. The site's own words are in its
 * language, left to right; a posting in Hebrew or Arabic, or a title naming a
 * place in one of them, is right to left, or mixed. Such text gets
 * `dir="auto"`, so the browser takes its direction from its first strong
 * letter and isolates it from the words around it: "(m/w/d)" and a full stop
 * land on the right side, and the team and places next to a title keep their
 * order. Text with no right-to-left letter (nearly all) gets no attribute, so
 * pages stay as they were.
 */

/** Letters of the right-to-left scripts in use: Hebrew, Arabic (Persian, Urdu…), Syriac, Thaana, N'Ko, Samaritan, Mandaic, Adlam, Hanifi Rohingya. */
const RIGHT_TO_LEFT = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}]/u;

/**
 * `"auto"` for text holding a right-to-left letter, for an element's `dir`;
 * undefined otherwise (Astro then writes no attribute).
 *
 * @example autoDir('מהנדס/ת תוכנה (Backend)') // 'auto'
 * @example autoDir('Backend Engineer') // undefined
 */
export function autoDir(...texts: Array<string | undefined>): 'auto' | undefined {
	return texts.some((text) => text !== undefined && RIGHT_TO_LEFT.test(text)) ? 'auto' : undefined;
}
