import type { Location } from '../schemas/posting.ts';
import { fill, type Labels } from '../i18n/labels.ts';
import { en } from '../i18n/en.ts';

/** The labels a card's line of places is written with. */
export type CardLabels = Pick<Labels, 'cardHiring' | 'cardUntitled' | 'cardRemote' | 'cardMorePlaces' | 'cardOrRemote'>;

/** Places named on a card before the rest become "+N more": a card has one line for them. */
const MAX_PLACES = 3;
/** When there are more, this many are named. */
const NAMED_WITH_MORE = 2;

/** Short name of a place: the city, else the country, remote-only roles saying so. */
function placeName(location: Location, labels: CardLabels): string {
	if (location.city) return location.city;
	const place = location.countryName ?? location.name;
	return location.remote ? fill(labels.cardRemote, { place }) : place;
}

/**
 * The one line of places on a role's card, or undefined when the posting names none.
 * Up to three places are named; more become "Lisbon, London +3 more".
 * When every place is a city that also allows remote work, the line ends ", or remote".
 * @example locationLine(seed('000').locations) // 'Austin, Lisbon, London'
 */
export function locationLine(locations: readonly Location[], labels: CardLabels = en): string | undefined {
	const names = [...new Set(locations.map((location) => placeName(location, labels)))];
	if (names.length === 0) return undefined;
	const line =
		names.length <= MAX_PLACES ? names.join(', ') : fill(labels.cardMorePlaces, { places: names.slice(0, NAMED_WITH_MORE).join(', '), count: names.length - NAMED_WITH_MORE });
	const remoteToo = locations.every((location) => location.city && location.remote);
	return remoteToo ? fill(labels.cardOrRemote, { places: line }) : line;
}

/**
 * The text as the card fonts can draw it, or undefined when they cannot.
 * Symbols and emoji the fonts lack are dropped (a title stays readable without
 * them); a letter or digit they lack (a CJK or Cyrillic title) means the text
 * cannot be shown faithfully, so the caller leaves it out instead of drawing boxes.
 * @param covers whether the fonts have a glyph for a code point
 */
export function printable(text: string | undefined, covers: (codePoint: number) => boolean): string | undefined {
	if (text === undefined) return undefined;
	let out = '';
	for (const char of text.normalize('NFC')) {
		const code = char.codePointAt(0) ?? 0;
		if (/[\s\p{Cc}]/u.test(char)) out += ' ';
		else if (covers(code)) out += char;
		else if (/[\p{L}\p{N}]/u.test(char)) return undefined;
	}
	const tidy = out.replace(/\s+/g, ' ').trim();
	return tidy === '' ? undefined : tidy;
}

/**
 * Font size (px) of a role title on the card: short titles large, long ones
 * smaller; the layout also clamps to three lines, so no title overflows.
 */
export function titleSize(title: string): number {
	const length = [...title].length;
	if (length <= 30) return 80;
	if (length <= 54) return 68;
	if (length <= 84) return 58;
	return 50;
}

/** Host name of the site, shown on the cards, e.g. "careers.example.com". */
export function hostOf(siteUrl: string): string {
	return new URL(siteUrl).host;
}
