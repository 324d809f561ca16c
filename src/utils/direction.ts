/**
 * Direction and language of what postings say, for the elements that show it.
 *
 * Direction: the site's own words are in its
 * language, left to right on most sites; a posting in Hebrew or Arabic, or a
 * title naming a place in one of them, is right to left, or mixed. Such text
 * gets `dir="auto"`, so the browser takes its direction from its first strong
 * letter and isolates it from the words around it: "(m/w/d)" and a full stop
 * land on the right side, and the team and places next to a title keep their
 * order. Text with no right-to-left letter (nearly all) gets no attribute, so
 * pages stay as they were. A site in Hebrew or Arabic is the mirror image: the
 * page is right to left (`<html dir="rtl">`), and text with a left-to-right
 * letter gets `dir="auto"`.
 *
 * Language: a posting in another language than the site's has its parts
 * marked with `lang`, so a screen reader reads them in that language's voice
 * (WCAG 3.1.2, language of parts). The page's own `<html lang>` stays the
 * site's: Pagefind splits its index by it.
 */

/** The primary language subtag: "pt" of "pt-BR". */
const primary = (tag: string) => tag.split('-')[0]!.toLowerCase();

/** The right-to-left scripts in use: Hebrew, Arabic (Persian, Urdu…), Syriac, Thaana, N'Ko, Samaritan, Mandaic, Adlam, Hanifi Rohingya. */
const RTL_SCRIPTS = ['Hebrew', 'Arabic', 'Syriac', 'Thaana', 'Nko', 'Samaritan', 'Mandaic', 'Adlam', 'Hanifi_Rohingya']
	.map((script) => `\\p{Script=${script}}`)
	.join('');

/** A letter of a right-to-left script. */
const RIGHT_TO_LEFT = new RegExp(`[${RTL_SCRIPTS}]`, 'u');

/** A letter of any other script: Latin, Cyrillic, Greek, CJK… */
const LEFT_TO_RIGHT = new RegExp(`(?![${RTL_SCRIPTS}])\\p{L}`, 'u');

/**
 * `"auto"` for text on a left-to-right page holding a right-to-left letter,
 * for an element's `dir`; undefined otherwise (Astro then writes no attribute).
 *
 * @example autoDir('מהנדס/ת תוכנה (Backend)') // 'auto'
 * @example autoDir('Backend Engineer') // undefined
 */
export function autoDir(...texts: Array<string | undefined>): 'auto' | undefined {
	return texts.some((text) => text !== undefined && RIGHT_TO_LEFT.test(text)) ? 'auto' : undefined;
}

/**
 * The same on a right-to-left page (a site in Hebrew or Arabic): `"auto"` for
 * text holding a left-to-right letter, an English title or a team named in
 * Latin letters, so it runs left to right inside the page and its brackets
 * and full stop stay where it puts them.
 *
 * @example autoDirOnRtl('Backend Engineer (C++)') // 'auto'
 * @example autoDirOnRtl('מהנדס/ת תוכנה') // undefined
 */
export function autoDirOnRtl(...texts: Array<string | undefined>): 'auto' | undefined {
	return texts.some((text) => text !== undefined && LEFT_TO_RIGHT.test(text)) ? 'auto' : undefined;
}

/** Languages written right to left, by primary subtag, where the runtime cannot say (`Intl.Locale`'s text info). */
const RTL_LANGUAGES = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb', 'syr']);

/**
 * The direction a language is written in, for `<html dir>`.
 *
 * @example languageDirection('he') // 'rtl'
 * @example languageDirection('pt-BR') // 'ltr'
 */
export function languageDirection(lang: string): 'ltr' | 'rtl' {
	const locale = new Intl.Locale(lang) as Intl.Locale & { getTextInfo?: () => { direction?: string }; textInfo?: { direction?: string } };
	const direction = locale.getTextInfo?.().direction ?? locale.textInfo?.direction;
	if (direction === 'rtl' || direction === 'ltr') return direction;
	return RTL_LANGUAGES.has(primary(lang)) ? 'rtl' : 'ltr';
}

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
