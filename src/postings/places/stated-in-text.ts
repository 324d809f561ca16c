/**
 * What a posting's own words say about where and how the role is done, for
 * an ATS that leaves it out: "This role is hybrid", "work in-office in London
 * at least three days per week", "📍 Mexico – Mexico City or Guadalajara |
 * Hybrid", a title ending "(Remote)". Only statements about the role count;
 * the words must say how the work is done, not use "hybrid" for a cloud.
 */
import type { Workplace } from '../../schemas/place.ts';
import { sentences, squash } from '../text.ts';
import { findArea } from './areas.ts';
import { findCountry, findRegions } from './gazetteer.ts';

/** A workplace the text states, with the words that state it. */
export interface StatedWorkplace {
	workplace: Workplace;
	evidence: string;
}

const HYBRID_WORD = String.raw`(?:hybrid|hybride|h[ií]brid[oa]|ibrido)`;
// "This role is hybrid", "a hybrid role", "hybrid work model", "Location-based hybrid policy", "modelo híbrido".
const HYBRID = [
	new RegExp(String.raw`\b(?:this|the)\s+(?:role|position|job|opportunity)\s+(?:is|will\s+be)\s+(?:a\s+)?${HYBRID_WORD}(?![\p{L}-])(?!\s+cloud)`, 'iu'),
	new RegExp(String.raw`(?<![\p{L}])${HYBRID_WORD}\s+(?:work(?:ing|place)?|model|policy|arrangement|schedule|set-?up|basis|arbeits\w*|(?:de\s+)?travail|de\s+trabajo|de\s+trabalho|werken|werkmodel)(?![\p{L}])`, 'iu'),
	new RegExp(String.raw`(?<![\p{L}])(?:modelo|modalidad|modalidade|régime|mode|formato|esquema)\s+(?:de\s+trabajo\s+|de\s+trabalho\s+|de\s+travail\s+)?${HYBRID_WORD}(?![\p{L}])`, 'iu'),
	new RegExp(String.raw`(?:^|[|•·:–—-]\s*)${HYBRID_WORD}\s*(?:$|[|•·)(–—-])`, 'iu'),
];
// "a hybrid role" says how the work is done only beside words of place or presence: "This is a hybrid role: 60% operations, 40% writing" does not.
const HYBRID_ROLE = new RegExp(String.raw`(?<![\p{L}])${HYBRID_WORD}\s+(?:role|position|opportunity|job)(?![\p{L}])`, 'iu');
const PRESENCE = /\b(?:office|offices|on[\s-]?site|in[\s-]person|remote(?:ly)?|home|days?|week|based|location|located|commut\w*)\b/iu;
// "in the office three days a week", "at least 3 days per week in-office", "2 Tage pro Woche im Büro", "3 jours par semaine au bureau".
const DAYS_A_WEEK = /(?<![\p{L}\d])(?:[1-4]|one|two|three|four|zwei|drei|vier|deux|trois|quatre|dos|tres|cuatro|dois|três|quatro|twee|drie|vier)(?:\s*(?:-|to|or|bis|à|a|ou|o|tot)\s*(?:[1-4]|two|three|four))?\s*(?:\+\s*)?(?:days?|tage?n?|jours?|d[ií]as?|dagen)\s+(?:a|per|each|every|pro|par|por|la|a\s+la|in\s+der|per\s+de)\s+(?:week|woche|semaine|semana)/iu;
// "AWS-based hybrid environment", "hybrid cloud": hybrid infrastructure, not a way of working.
const TECHNICAL = /\b(?:cloud|aws|azure|gcp|infrastructure|on[\s-]?prem\w*|kubernetes|architecture|data\s?cent(?:er|re)s?|deployments?|vehicles?|engines?|models?\s+of\s+care)\b/iu;
const OFFICE = /\b(?:office|offices|on[\s-]?site|in[\s-]person|in[\s-]office|büro|bureau|oficina|escritório|escritorio|kantoor|locaux)\b/iu;
// "This role is fully remote", "a fully remote position": the role's, not the company's ("remote-first company").
const REMOTE = /\b(?:this|the)\s+(?:role|position|job)\s+is\s+(?:a\s+)?(?:fully\s+|100\s*%\s+|entirely\s+)?remote\b(?![\s-]*(?:eligible|friendly|first|possible))|\b(?:fully|100\s*%)\s+remote\s+(?:role|position|job)\b/iu;
// A title that ends with its workplace: "Support Engineer - AMERICAS (Remote)", "Designer – Remote", "Engineer (Remote, US)",
// "Ingeniero (Remoto - LATAM)", "Entwickler (m/w/d) – 100% Remote". Not "(Remote-friendly)" or "(Remote possible)": an option, not the role's way.
const REMOTE_WORD = String.raw`(?:fully\s+|100\s*%\s*(?:en\s+)?)?(?:remote|remoto|remota|t[ée]l[ée]travail)(?![\p{L}-])(?!\s+(?:friendly|eligible|possible|optional|option|ok))`;
const TITLE_REMOTE = new RegExp(String.raw`[([]\s*${REMOTE_WORD}(?:\s*[-–—,:/]\s*[^()[\]]*)?[)\]]|[-–—|]\s*${REMOTE_WORD}(?:\s*[-–—,:/]\s*[\p{L} .]+)?\s*$`, 'iu');
const TITLE_HYBRID = new RegExp(String.raw`[([]\s*${HYBRID_WORD}\s*[)\]]|[-–—|]\s*${HYBRID_WORD}\s*$`, 'iu');

/**
 * The workplace a posting's title or text states for the role: hybrid when
 * a sentence says the role is hybrid or asks for days a week in the office,
 * remote when it says the role is remote (or the title ends "(Remote)");
 * hybrid first, since a hybrid role also speaks of remote days. Undefined
 * when nothing says, or when the title and the text disagree.
 *
 * @param blocks the text of each paragraph or list item
 * @example
 * workplaceInText('Account Executive', ['Willingness and ability to work in-office in London at least three days per week.'])
 * // => { workplace: 'hybrid', evidence: 'Willingness and ability to work in-office in London at least three days per week.' }
 */
export function workplaceInText(title: string, blocks: readonly string[]): StatedWorkplace | undefined {
	const fromTitle = TITLE_HYBRID.test(title) ? 'hybrid' : TITLE_REMOTE.test(title) ? 'remote' : undefined;
	let remote: string | undefined;
	for (const block of blocks) {
		for (const sentence of sentences(squash(block))) {
			const hybrid =
				(!TECHNICAL.test(sentence) && (HYBRID.some((pattern) => pattern.test(sentence)) || (HYBRID_ROLE.test(sentence) && PRESENCE.test(sentence)))) ||
				(DAYS_A_WEEK.test(sentence) && OFFICE.test(sentence));
			if (hybrid) return fromTitle === 'remote' ? undefined : { workplace: 'hybrid', evidence: sentence };
			if (!remote && REMOTE.test(sentence)) remote = sentence;
		}
	}
	if (fromTitle) return { workplace: fromTitle, evidence: squash(title) };
	return remote ? { workplace: 'remote', evidence: remote } : undefined;
}

// "#RemotePortugal", "#RemoteUnitedStates": a recruiter's hashtag naming the remote scope.
const REMOTE_TAG = /#[Rr]emote(\p{Lu}[\p{L}]+)/gu;
// "Fully Remote US", "Remote (Canada)", "Remote - Spain", "remote in the United Kingdom", "Remoto en España", "Télétravail depuis la France".
const REMOTE_SCOPE =
	/(?<![\p{L}#])(?:remote|remoto|remota|t[ée]l[ée]travail|homeoffice)(?:\s*[-–—:|,(]\s*|\s+(?:in|within|from|across|anywhere\s+in|en|em|depuis|aus|dans)\s+(?:the\s+|la\s+|le\s+|l'|el\s+|o\s+|a\s+)?|\s+)((?:[\p{L}.]+)(?:\s+[\p{L}.]+){0,2})/giu;

/**
 * Countries the title or text names as the scope of a remote role: "Data
 * Science Intern | Fully Remote US", "#RemotePortugal", "remote in Spain".
 * Only whole countries count, and a two-letter word that is also a US state
 * ("Remote - CA", "Remote IN") is too ambiguous to read.
 *
 * @param blocks the text of each paragraph or list item
 * @example
 * remoteCountriesIn('Data Science Intern | Fully Remote US', []) // ['US']
 */
export function remoteCountriesIn(title: string, blocks: readonly string[]): string[] {
	const found = new Set<string>();
	for (const text of [title, ...blocks]) {
		for (const [, tag] of text.matchAll(REMOTE_TAG)) {
			const country = findCountry(tag!.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2'));
			if (country) found.add(country);
		}
		for (const [, words] of text.matchAll(REMOTE_SCOPE)) {
			const parts = words!.split(/\s+/);
			// The longest run of words that is a country: "United Kingdom" before "United".
			for (let length = parts.length; length > 0; length--) {
				const phrase = parts.slice(0, length).join(' ').replace(/[.)]+$/, '');
				if (/^[A-Z]{2}$/.test(phrase) && findRegions(phrase, 'US').length > 0) break;
				const country = findCountry(phrase);
				if (country) {
					found.add(country);
					break;
				}
			}
		}
	}
	return [...found];
}

/** The countries and areas a posting's text states a remote role is open to, with the sentence that states it. */
export interface StatedRemoteScope {
	places: Array<{ country: string } | { area: string }>;
	evidence: string;
}

// Who the role is open to, and where: "This role is open to candidates based in North America and Europe",
// "We are also open to remote fellows in the UK, US, or Canada", "you can be within the Americas region",
// "Candidates must be located in Canada or the US". The preposition opens the list of places.
const ELIGIBLE =
	/\b(?:open\s+to\s+(?:remote\s+)?(?:candidates|applicants|fellows|people|talent|hires|engineers|team\s+members)(?:\s+who\s+(?:are|live|reside))?(?:\s+(?:based|located|living|residing))?|(?:you|candidates|applicants)\s+(?:can|may|must|should)\s+(?:be\s+)?(?:(?:based|located|living|residing)\s+)?(?:work\s+)?(?:from\s+)?(?:anywhere\s+)?)\s*(?:in|within|from|across)\s+(.+)$/iu;
// Where the list of places ends: "the Americas region as long as we have a work location there".
const LIST_END = /\s+(?:as\s+long\s+as|where|who|with|provided|if|so|during|for|while|but|and\s+(?:be|have|are|will))\b|[;:(–—]/iu;
const LIST_SEPARATOR = /\s*,\s*(?:(?:or|and)\s+)?|\s+(?:or|and|&)\s+|\s*\/\s*/iu;

/**
 * The countries and areas a sentence of the text says a role is open to:
 * "This role is open to candidates based in North America and Europe" gives
 * North America and Europe. Only a list in which every part is a country or
 * an area counts (a list of cities, or "those regions", says nothing here);
 * the first such sentence wins.
 *
 * @param blocks the text of each paragraph or list item
 * @example
 * remoteScopeIn(['We are also open to remote fellows in the UK, US, or Canada.'])
 * // => { places: [{ country: 'GB' }, { country: 'US' }, { country: 'CA' }], evidence: 'We are also open to remote fellows in the UK, US, or Canada.' }
 */
export function remoteScopeIn(blocks: readonly string[]): StatedRemoteScope | undefined {
	for (const block of blocks) {
		for (const sentence of sentences(squash(block))) {
			const list = ELIGIBLE.exec(sentence)?.[1];
			if (!list) continue;
			const parts = list.split(LIST_END)[0]!.replace(/[.!?]+$/, '').split(LIST_SEPARATOR);
			const places = parts.map(scopePlace);
			if (places.length > 0 && places.every((place) => place !== undefined)) return { places: places as StatedRemoteScope['places'], evidence: sentence };
		}
	}
	return undefined;
}

function scopePlace(part: string): { country: string } | { area: string } | undefined {
	const words = part.trim().replace(/^the\s+/iu, '').replace(/\s+(?:regions?|time\s*zones?)$/iu, '');
	if (!words) return undefined;
	const country = findCountry(words);
	if (country) return { country };
	const area = findArea(words);
	return area ? { area: area.code } : undefined;
}
