import { contrast, textOn } from '../utils/format.ts';
import type { CardInput, RoleCardInput, SiteCardInput } from './card-input.ts';
import { printable, titleSize } from './card-text.ts';

/** Size of every card: what Open Graph and LinkedIn expect (1.91:1). */
export const CARD_WIDTH = 1200;
/** See `CARD_WIDTH`. */
export const CARD_HEIGHT = 630;

/** A CSS value as satori takes it. */
type StyleValue = string | number;

/** An element as satori reads it: the shape JSX would produce, written as plain objects. */
export interface CardNode {
	type: string;
	/** Names the node for satori's `onNodeDetected` (a role card's frame keys its texts). */
	key?: string;
	props: {
		style?: Record<string, StyleValue>;
		children?: CardChild | CardChild[];
		[attribute: string]: unknown;
	};
}

/** Content of an element. */
export type CardChild = CardNode | string;

/** What the layout needs to know about the fonts. */
export interface LayoutFonts {
	/** CSS font-family list. */
	family: string;
	covers: (codePoint: number) => boolean;
}

const INK = '#18181b'; // zinc-900
const MUTED = '#52525b'; // zinc-600
const RULE = '#e4e4e7'; // zinc-200
const PAPER = '#ffffff';
const PADDING = 72;
/** The brand bar across the top of a role card. */
const BAR_HEIGHT = 16;
/** Space above the "We’re hiring" label. */
const CONTENT_TOP = 52;
/** The foot of a role card, and the rule above it. */
const FOOTER_HEIGHT = 112;
const RULE_WIDTH = 2;

const el = (type: string, style: Record<string, StyleValue>, children?: CardChild | CardChild[], attributes: Record<string, unknown> = {}): CardNode => ({
	type,
	props: { ...attributes, style, ...(children === undefined ? {} : { children }) },
});

/**
 * How a role card sets its title: the layout below and the painter that draws
 * role cards from glyphs (paint.ts) both read this. The size depends on the
 * title's length (`titleSize`).
 */
export const ROLE_TITLE = { weight: 700, lineHeight: 1.1, letterSpacing: -1.5, color: INK, maxLines: 3, width: CARD_WIDTH - 2 * PADDING } as const;

/** How a role card sets its team and its places, one line each beside an icon; read by the layout and the painter. */
export const ROLE_FACT = { weight: 400, size: 34, letterSpacing: 0, color: MUTED, maxLines: 1, width: CARD_WIDTH - 2 * PADDING - 50 } as const;

/** The texts that differ between a site's role cards: the painter draws them on a frame that leaves them out. */
export type RoleText = 'title' | 'team' | 'location';

/** Stands for a role's text in its card's frame: laid out, drawn in no colour. */
const UNSEEN = 'transparent';

/** A text of a role card, or in its frame a stand-in the layout can find (by key) and resvg draws nothing of. */
const roleText = (key: RoleText, text: string, frame: boolean): { text: string; color?: string; key?: RoleText } =>
	frame ? { text: 'X', color: UNSEEN, key } : { text };

/**
 * Text on one line or a few, cut with an ellipsis where it would overflow.
 * Not `overflow: hidden`: satori draws that as an SVG mask over the box and
 * everything in it, and masks were a third of resvg's time on a card. The line
 * clamp already stops the text; a word too long for a line is broken instead
 * of cut off at the edge.
 */
const clamped = (text: string, lines: number, style: Record<string, StyleValue>, key?: RoleText): CardNode => ({
	...el('div', { display: 'block', lineClamp: lines, overflowWrap: 'break-word', ...style }, text),
	...(key ? { key } : {}),
});

/** An outline icon (24×24 grid), drawn in `colour`. */
function icon(paths: string[], colour: string, size: number): CardNode {
	return el(
		'svg',
		{ flexShrink: 0 },
		paths.map((d) => el('path', {}, undefined, { d })),
		{ width: size, height: size, viewBox: '0 0 24 24', fill: 'none', stroke: colour, strokeWidth: 2, strokeLinecap: 'round', strokeLinejoin: 'round' },
	);
}

// Drawn for these cards: a map pin, and two people.
const PIN = ['M12 21.5s-7-6.3-7-12a7 7 0 0 1 14 0c0 5.7-7 12-7 12z', 'M12 12a2.6 2.6 0 1 0 0-5.2 2.6 2.6 0 0 0 0 5.2z'];
const PEOPLE = ['M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7z', 'M2.5 20a6.5 6.5 0 0 1 13 0', 'M16 4.3a3.3 3.3 0 0 1 0 6.4', 'M18 14.2a6.3 6.3 0 0 1 3.5 5.8'];

/** The brand colour where it reads on white (icons); a neutral grey for a pale brand. */
const accentOnPaper = (brand: string): string => (contrast(brand, PAPER) >= 3 ? brand : MUTED);

/** A row of an icon and one line of muted text. */
function fact(paths: string[], text: ReturnType<typeof roleText>, brand: string): CardNode {
	return el('div', { display: 'flex', alignItems: 'center', gap: 16 }, [
		icon(paths, accentOnPaper(brand), 34),
		clamped(text.text, ROLE_FACT.maxLines, { fontSize: ROLE_FACT.size, color: text.color ?? ROLE_FACT.color, maxWidth: ROLE_FACT.width }, text.key),
	]);
}

/** A brand-coloured square with the company's initial, standing in for a logo. */
function mark(company: string | undefined, brand: string, size: number): CardNode {
	const initial = company ? [...company][0]!.toUpperCase() : '';
	return el(
		'div',
		{ display: 'flex', alignItems: 'center', justifyContent: 'center', width: size, height: size, borderRadius: size / 4, backgroundColor: brand, color: textOn(brand), fontSize: size * 0.56, fontWeight: 700 },
		initial,
	);
}

/**
 * The rule above a role card's foot, as a box of its own rather than the
 * foot's `border-top`: satori draws a border as a wide stroke under three
 * nested clip paths, which cost resvg about 1.4 ms of a card's 6.4 ms and
 * satori 1.3 ms. The pixels are those the border drew (compared on 200
 * cards when it changed; tests/unit/social-card.test.ts pins its rows).
 */
const rule = (): CardNode => el('div', { display: 'flex', flexShrink: 0, height: RULE_WIDTH, backgroundColor: RULE });

/** The foot of a role card: company on the left, the site's address on the right. */
function footer(company: string | undefined, host: string | undefined, brand: string): CardNode {
	return el('div', { display: 'flex', alignItems: 'center', justifyContent: 'space-between', height: FOOTER_HEIGHT, padding: `0 ${PADDING}px` }, [
		el('div', { display: 'flex', alignItems: 'center', gap: 18 }, [
			mark(company, brand, 52),
			...(company ? [clamped(company, 1, { fontSize: 32, fontWeight: 700, color: INK, maxWidth: 620 })] : []),
		]),
		...(host ? [clamped(host, 1, { fontSize: 28, color: MUTED, maxWidth: 420 })] : []),
	]);
}

/** What a role card shows, as the fonts can draw it. */
export function roleCardTexts(input: RoleCardInput, covers: LayoutFonts['covers']): { hiring: string; title: string; team?: string; location?: string; company?: string; host?: string } {
	const fit = (text: string | undefined) => printable(text, covers);
	const company = fit(input.company);
	const team = fit(input.team);
	const location = fit(input.location);
	const host = fit(input.host);
	const hiring = fit(input.hiring) ?? '';
	return {
		hiring,
		// A title the fonts cannot draw (CJK, say) gives way to a plain headline, never to boxes; where the site's
		// words are in a script the fonts lack too (Hebrew, Arabic), to the company's name.
		title: fit(input.title) ?? fit(input.untitled) ?? (hiring || company || ''),
		...(team ? { team } : {}),
		...(location ? { location } : {}),
		...(company ? { company } : {}),
		...(host ? { host } : {}),
	};
}

/**
 * Layout of an open role's card: brand bar, "We’re hiring" (in the site's words), the title, team and places, the company.
 * As a `frame`, the title, team and places are stand-ins drawn in no colour, keyed by {@link RoleText}.
 */
function roleCard(input: RoleCardInput, fonts: LayoutFonts, frame = false): CardNode {
	const texts = roleCardTexts(input, fonts.covers);
	const { company } = texts;
	const title = roleText('title', texts.title, frame);
	const team = texts.team === undefined ? undefined : roleText('team', texts.team, frame);
	const location = texts.location === undefined ? undefined : roleText('location', texts.location, frame);
	const brand = input.brandColor;
	return el('div', { display: 'flex', flexDirection: 'column', width: CARD_WIDTH, height: CARD_HEIGHT, backgroundColor: PAPER, color: INK, fontFamily: fonts.family }, [
		el('div', { display: 'flex', height: BAR_HEIGHT, backgroundColor: brand }),
		// No `overflow: hidden` (a mask, see `clamped`): the tallest content, three
		// lines of a short title at 80 px and both facts, reaches 27 px into the bottom padding, never the footer.
		el('div', { display: 'flex', flexDirection: 'column', flexGrow: 1, padding: `${CONTENT_TOP}px ${PADDING}px 40px` }, [
			// No badge where the fonts cannot draw the site's word for it: an empty pill says nothing.
			el(
				'div',
				{ display: 'flex' },
				texts.hiring
					? [el('div', { display: 'flex', padding: '8px 20px', borderRadius: 999, backgroundColor: brand, color: textOn(brand), fontSize: 24, fontWeight: 700, letterSpacing: 1 }, texts.hiring)]
					: [],
			),
			clamped(
				title.text,
				ROLE_TITLE.maxLines,
				{ marginTop: 30, fontSize: titleSize(title.text), fontWeight: ROLE_TITLE.weight, lineHeight: ROLE_TITLE.lineHeight, letterSpacing: ROLE_TITLE.letterSpacing, color: title.color ?? ROLE_TITLE.color },
				title.key,
			),
			el('div', { display: 'flex', flexGrow: 1 }),
			el('div', { display: 'flex', flexDirection: 'column', gap: 14 }, [
				...(team ? [fact(PEOPLE, team, brand)] : []),
				...(location ? [fact(PIN, location, brand)] : []),
			]),
		]),
		rule(),
		footer(company, texts.host, brand),
	]);
}

/** Layout of the site's card: the whole card in the brand colour, the site title large. */
function siteCard(input: SiteCardInput, fonts: LayoutFonts): CardNode {
	const fit = (text: string | undefined) => printable(text, fonts.covers);
	const company = fit(input.company);
	const title = fit(input.title) ?? company ?? 'Careers';
	const description = fit(input.description);
	const host = fit(input.host);
	const brand = input.brandColor;
	const on = textOn(brand);
	// The mark is drawn in the text colour, so it stays visible on the brand colour.
	return el('div', { display: 'flex', flexDirection: 'column', boxSizing: 'border-box', width: CARD_WIDTH, height: CARD_HEIGHT, padding: `${PADDING}px`, backgroundColor: brand, color: on, fontFamily: fonts.family }, [
		el('div', { display: 'flex', alignItems: 'center', gap: 20 }, [
			mark(company, on, 64),
			...(company ? [clamped(company, 1, { fontSize: 36, fontWeight: 700, maxWidth: 900 })] : []),
		]),
		el('div', { display: 'flex', flexGrow: 1 }),
		clamped(title, 2, { fontSize: titleSize(title) + 8, fontWeight: 700, lineHeight: 1.05, letterSpacing: -2 }),
		...(description ? [clamped(description, 2, { marginTop: 24, fontSize: 34, lineHeight: 1.3, opacity: 0.85, maxWidth: 980 })] : []),
		...(host ? [el('div', { display: 'flex', marginTop: 40, paddingTop: 24, borderTop: `2px solid ${on}`, fontSize: 28, fontWeight: 700, opacity: 0.9 }, host)] : []),
	]);
}

/**
 * The element tree satori draws for a card. Pure: the same input and fonts
 * give the same tree, which is what lets cards be cached by digest.
 */
export function cardLayout(input: CardInput, fonts: LayoutFonts): CardNode {
	return input.kind === 'role' ? roleCard(input, fonts) : siteCard(input, fonts);
}

/**
 * A role card without its own texts: the title, team and places are laid out
 * as stand-ins that draw nothing, found by their keys ({@link RoleText}). Every
 * role card of a site with the same facts shown (a team or not, places or not)
 * has the same frame; the painter draws the texts on it.
 */
export function roleCardFrame(input: RoleCardInput, fonts: LayoutFonts): CardNode {
	return roleCard(input, fonts, true);
}
