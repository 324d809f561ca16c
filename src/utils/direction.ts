/**
 * Direction and language of what postings say, for the elements that show it.
 *
 * Direction: the site's own words are in its
 * language, left to right; a posting in Hebrew or Arabic, or a title naming a
 * place in one of them, is right to left, or mixed. Such text gets
 * `dir="auto"`, so the browser takes its direction from its first strong
 * letter and isolates it from the words around it: "(m/w/d)" and a full stop
 * land on the right side, and the team and places next to a title keep their
 * order. Text with no right-to-left letter (nearly all) gets no attribute, so
 * pages stay as they were.
 *
 * Language: a posting in another language than the site's has its parts
 * marked with `lang`, so a screen reader reads them in that language's voice
 * (WCAG 3.1.2, language of parts). The page's own `<html lang>` stays the
 * site's: Pagefind splits its index by it.
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

/** The primary language subtag: "pt" of "pt-BR". */
const primary = (tag: string) => tag.split('-')[0]!.toLowerCase();

/**
 * A posting's language for a `lang` attribute, when it is not the site's
 * (a regional variant of the site's language is not marked); undefined otherwise.
 *
 * @example partLang('de', 'en') // 'de'
 * @example partLang('en-GB', 'en') // undefined
 */
export function partLang(lang: string | undefined, siteLang: string): string | undefined {
	return lang !== undefined && primary(lang) !== primary(siteLang) ? lang : undefined;
}
