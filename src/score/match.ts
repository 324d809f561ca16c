/**
 * The rules `npm run score` judges a normalized posting by: how each field is
 * compared with its hand label. Pure functions, no I/O. The same rules are
 * written out in docs/decisions.md ("Scoring against real postings").
 */
import type { Label, LabelPayRange, LabelPlace } from '../schemas/corpus-labels.ts';
import type { EmploymentType } from '../postings/employment.ts';
import type { Location, PayRange, Posting } from '../schemas/posting.ts';

/** The fields scored per posting, in the order they are reported. */
export const scoredFields = ['title', 'language', 'team', 'department', 'employmentType', 'places', 'payRanges'] as const;
export type ScoredField = (typeof scoredFields)[number];

/** The parts of a normalized posting the score reads. */
export type ScoredPosting = Pick<Posting, 'title' | 'lang' | 'team' | 'department' | 'employmentType' | 'locations' | 'payRanges'>;

/**
 * Each label employment type as the pipeline's (Google's) value. Apprenticeships
 * are INTERN, as the pipeline decides (docs/decisions.md, "Employment type").
 */
export const EMPLOYMENT_VALUES: Readonly<Record<NonNullable<Label['employmentType']>, EmploymentType>> = {
	'full-time': 'FULL_TIME',
	'part-time': 'PART_TIME',
	contract: 'CONTRACTOR',
	temporary: 'TEMPORARY',
	intern: 'INTERN',
	apprenticeship: 'INTERN',
};

/** Text as shown: Unicode NFC, runs of whitespace as one space, trimmed. Case and punctuation count. */
export function shownText(text: string | null | undefined): string {
	return (text ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * A place name folded for matching: lower case, accents dropped, punctuation
 * and underscores as spaces. "Zürich" = "zurich", "São Paulo" = "sao paulo",
 * "NORTH_AMERICA" = "North America"; "New York City" stays apart from "New York".
 */
export function foldName(name: string): string {
	return name
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** What a label place is, without its workplace: the key it is matched on. */
export function labelPlaceKey(place: LabelPlace): string {
	if ('city' in place) return `city:${foldName(place.city)}:${place.country}`;
	if ('area' in place) return `area:${foldName(place.area)}`;
	return `country:${place.country}`;
}

/**
 * The keys a pipeline place can be matched on: a city by its canonical city
 * name and country, a country by its code, an area by its code or its name.
 * A region (a state, a province) has no label kind, so it matches nothing.
 */
export function postingPlaceKeys(place: Location): string[] {
	switch (place.kind) {
		case 'city':
			return [`city:${foldName(place.city ?? place.name)}:${place.country ?? ''}`];
		case 'country':
			return [`country:${place.country ?? ''}`];
		case 'area':
			return [...new Set([`area:${foldName(place.area ?? '')}`, `area:${foldName(place.name)}`])];
		default:
			return [`region:${foldName(place.name)}:${place.country ?? ''}`];
	}
}

/** The outcome of matching two lists one-to-one. */
export interface Matching<E, G> {
	pairs: Array<{ expected: E; got: G }>;
	/** Labelled, with no partner: recall misses. */
	missing: E[];
	/** Produced, with no partner: precision misses. */
	extra: G[];
}

/**
 * Pairs label places with the posting's places one-to-one on their keys
 * ({@link labelPlaceKey}, {@link postingPlaceKeys}). Pairs that also agree on
 * the workplace are made first, so a place listed twice (London hybrid,
 * London remote) pairs with the right twin; the workplace never stops a pair.
 */
export function matchPlaces(expected: readonly LabelPlace[], got: readonly Location[]): Matching<LabelPlace, Location> {
	const free = new Set(got.map((_, index) => index));
	const partner = new Map<number, number>();
	for (const sameWorkplace of [true, false]) {
		expected.forEach((label, index) => {
			if (partner.has(index)) return;
			const key = labelPlaceKey(label);
			const found = [...free].find((candidate) => postingPlaceKeys(got[candidate]!).includes(key) && (!sameWorkplace || got[candidate]!.workplace === label.workplace));
			if (found === undefined) return;
			partner.set(index, found);
			free.delete(found);
		});
	}
	return {
		pairs: [...partner].sort(([a], [b]) => a - b).map(([label, place]) => ({ expected: expected[label]!, got: got[place]! })),
		missing: expected.filter((_, index) => !partner.has(index)),
		extra: [...free].sort((a, b) => a - b).map((index) => got[index]!),
	};
}

/** Amounts equal to the cent (whole units on both sides; a range left in cents is 100 times too big). */
function sameAmount(a: number, b: number): boolean {
	return Math.abs(a - b) < 0.005;
}

/** Whether a posting's range is the label's: min, max, currency and period all agree (where it applies is not compared). */
export function samePayRange(label: LabelPayRange, range: Pick<PayRange, 'min' | 'max' | 'currency' | 'period'>): boolean {
	return sameAmount(label.min, range.min) && sameAmount(label.max, range.max) && label.currency === range.currency && label.period.toUpperCase() === range.period;
}

/** Pairs label pay ranges with the posting's one-to-one ({@link samePayRange}). */
export function matchPayRanges<G extends Pick<PayRange, 'min' | 'max' | 'currency' | 'period'>>(expected: readonly LabelPayRange[], got: readonly G[]): Matching<LabelPayRange, G> {
	const free = new Set(got.map((_, index) => index));
	const pairs: Matching<LabelPayRange, G>['pairs'] = [];
	const missing: LabelPayRange[] = [];
	for (const label of expected) {
		const found = [...free].find((index) => samePayRange(label, got[index]!));
		if (found === undefined) {
			missing.push(label);
			continue;
		}
		free.delete(found);
		pairs.push({ expected: label, got: got[found]! });
	}
	return { pairs, missing, extra: [...free].sort((a, b) => a - b).map((index) => got[index]!) };
}

/** One field of one posting, judged. */
export interface FieldVerdict {
	field: ScoredField;
	right: boolean;
	/** The label, as text. */
	expected: string;
	/** What the pipeline produced, as text. */
	got: string;
}

/** Everything the score learns from one labelled posting. */
export interface PostingVerdict {
	fields: FieldVerdict[];
	places: Matching<LabelPlace, Location>;
	/** Matched places whose workplace is also right. */
	workplacesRight: number;
	payRanges: Matching<LabelPayRange, PayRange>;
}

/**
 * Judges one posting against its labels.
 *
 * - title, team, department: equal as shown ({@link shownText}); a null label
 *   is right only when the posting has no value.
 * - employmentType: the label mapped by {@link EMPLOYMENT_VALUES}; null = unset.
 * - places: right when every place pairs ({@link matchPlaces}), none is left
 *   over, and every pair agrees on the workplace.
 * - payRanges: right when every range pairs ({@link matchPayRanges}) and none is left over.
 */
export function judgePosting(label: Label, posting: ScoredPosting, siteLang = 'en'): PostingVerdict {
	// The page's language: the posting's own, else the site's, which a posting too short to tell is shown in.
	const language = (posting.lang ?? siteLang).split('-')[0]!.toLowerCase();
	const text = (field: 'title' | 'team' | 'department'): FieldVerdict => {
		const expected = label[field] === null ? '' : shownText(label[field]);
		const got = shownText(posting[field]);
		return { field, right: expected === got, expected: quoted(expected), got: quoted(got) };
	};
	const employment = label.employmentType ? EMPLOYMENT_VALUES[label.employmentType] : undefined;
	const places = matchPlaces(label.places, posting.locations);
	const workplacesRight = places.pairs.filter((pair) => pair.expected.workplace === pair.got.workplace).length;
	const payRanges = matchPayRanges(label.payRanges, posting.payRanges);
	return {
		fields: [
			text('title'),
			{ field: 'language', right: language === label.language, expected: label.language, got: language },
			text('team'),
			text('department'),
			{ field: 'employmentType', right: employment === posting.employmentType, expected: employment ?? 'none', got: posting.employmentType ?? 'none' },
			{
				field: 'places',
				right: places.missing.length === 0 && places.extra.length === 0 && workplacesRight === places.pairs.length,
				expected: listOf(label.places.map(describeLabelPlace)),
				got: listOf(posting.locations.map(describeLocation)),
			},
			{
				field: 'payRanges',
				right: payRanges.missing.length === 0 && payRanges.extra.length === 0,
				expected: listOf(label.payRanges.map((range) => describeRange({ ...range, period: range.period.toUpperCase() as PayRange['period'] }))),
				got: listOf(posting.payRanges.map(describeRange)),
			},
		],
		places,
		workplacesRight,
		payRanges,
	};
}

function quoted(text: string): string {
	return text === '' ? 'none' : `"${text}"`;
}

function listOf(items: string[]): string {
	return items.length === 0 ? 'none' : items.join('; ');
}

/** A label place as text: "London GB hybrid", "US remote", "area Europe remote". */
export function describeLabelPlace(place: LabelPlace): string {
	if ('city' in place) return `${place.city} ${place.country} ${place.workplace}`;
	if ('area' in place) return `area ${place.area} ${place.workplace}`;
	return `${place.country} ${place.workplace}`;
}

/** A pipeline place as text, in the label's terms: "New York US hybrid", "region Texas US onsite", "area EUROPE remote". */
export function describeLocation(place: Location): string {
	switch (place.kind) {
		case 'city':
			return `${place.city ?? place.name} ${place.country ?? ''} ${place.workplace}`;
		case 'country':
			return `${place.country ?? ''} ${place.workplace}`;
		case 'area':
			return `area ${place.area ?? place.name} ${place.workplace}`;
		default:
			return `region ${place.name} ${place.country ?? ''} ${place.workplace}`;
	}
}

/** A pay range as text: "140000–160000 USD YEAR". */
export function describeRange(range: Pick<PayRange, 'min' | 'max' | 'currency' | 'period'>): string {
	return `${range.min}–${range.max} ${range.currency} ${range.period}`;
}
