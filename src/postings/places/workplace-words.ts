/**
 * The words of a place phrase that say how a role is worked, not where:
 * "Remote", "Hybrid", "On-site", "2 days a week in office", "télétravail",
 * "Удаленно", "リモート", and the words that name an office ("Berlin Office",
 * "NYC HQ"). The phrase's places are read from what is left.
 */
import type { Workplace } from '../../schemas/place.ts';
import { squash } from '../text.ts';

// Workplace words, in the languages postings are written in. Letters must not touch them: "remotely" is not "remote".
export const EDGE_BEFORE = String.raw`(?<![\p{L}\p{N}])`;
export const EDGE_AFTER = String.raw`(?![\p{L}\p{N}])`;

/** Days a week in the office, fewer than five: "2 days a week in office", "3x/week", "2 Tage/Woche im Büro". */
export const OFFICE_DAYS = String.raw`${EDGE_BEFORE}(?:[1-4]|one|two|three|four|zwei|drei|vier|deux|trois|quatre|dos|tres|cuatro|dois|três|quatro)\s*(?:days?|x|tage?|jours?|d[ií]as?)\s*(?:\/|a|per|pro|par|por|a\s+la|na)\s*(?:week|woche|semaine|semana)(?:\s+(?:in(?:\s+the)?\s+office|im\s+b[üu]ro|au\s+bureau|en\s+(?:la\s+)?oficina|no\s+escrit[óo]rio))?${EDGE_AFTER}`;

/**
 * Remote in more languages: Russian and Ukrainian, Turkish, Dutch, the Nordic languages, Finnish, Czech, Hungarian,
 * Romanian, Indonesian, Vietnamese, Hebrew and Arabic. Each left unread became a town of that name in the filter
 * ("Удаленно, Россия" was a town called Udalenno).
 */
const OTHER_REMOTE = String.raw`(?:удал[её]нн?(?:о|ая|ый)(?:\s+(?:работа|формат))?|дистанционн?(?:о|ая|ый)(?:\s+(?:работа|формат))?|віддален(?:о|а)(?:\s+робота)?|дистанційн(?:о|а)(?:\s+робота)?|uzaktan(?:\s+çalışma)?|op\s+afstand|thuiswerk(?:en)?|(?:på\s+)?distans(?:arbete)?|fjernarbe(?:id|jde)|etätyö|etänä|na\s+dálku|vzdáleně|távmunka|la\s+distan[țţt][ăa]|(?:kerja\s+)?jarak\s+jauh|(?:làm\s+việc\s+)?từ\s+xa|מרחוק|عن\s+بعد)`;

const MARKERS: Array<[Workplace, RegExp]> = [
	// Some days a week in the office is hybrid: tried before the office words they hold ("London (2 days a week in office)"
	// was on site). All five days are the office's.
	['hybrid', new RegExp(OFFICE_DAYS, 'giu')],
	// Remote in part is hybrid: tried before the remote words these phrases hold ("Paris (télétravail partiel)", Indeed's
	// "Hybrid remote in Seattle").
	['hybrid', new RegExp(String.raw`${EDGE_BEFORE}(?:t[ée]l[ée]travail\s+partiel|teletrabajo\s+parcial|partial(?:ly)?\s+remote|remote\s+partiel|hybrid[\s-]remote)${EDGE_AFTER}`, 'giu')],
	[
		'remote',
		new RegExp(
			String.raw`${EDGE_BEFORE}(?:100\s*%\s*(?:en\s+)?|fully\s+|full\s+|totally\s+)?(?:remote|remotely|télétravail|teletravail|teletrabajo|remoto|remota|home[\s-]?office|home[\s-]?based|work\s+from\s+home|wfh|virtual|distributed|(?:praca\s+)?zdaln[a-ząćęłńóśźż]*|${OTHER_REMOTE}|(?:work\s+from\s+)?anywhere\s+(?:in|within|from)(?:\s+the)?${EDGE_AFTER}|work\s+from(?=\s+anywhere${EDGE_AFTER}))(?:[\s-](?:first|friendly|only|based|eligible|ok|possible|work|position|option))?${EDGE_AFTER}`,
			'giu',
		),
	],
	// Chinese, Japanese and Korean write no spaces around words: no edges.
	['remote', /(?:フル\s*リモート|リモート(?:ワーク)?|在宅(?:勤務)?|원격(?:\s*근무)?|재택(?:\s*근무)?|远程(?:办公|工作)?|遠(?:端|程)(?:工作)?|居家办公)(?:\s*(?:可能?|가능))?/gu],
	['hybrid', new RegExp(String.raw`${EDGE_BEFORE}(?:hybrid|hybride|híbrido|hibrido|ibrido|hibrit|hibrid|hybridní|hybrydow[a-ząćęłńóśźż]*|гибридн?[а-яё]*|гібридн?[а-яєії]*)${EDGE_AFTER}|ハイブリッド(?:ワーク)?|하이브리드|混合办公`, 'giu')],
	['onsite', new RegExp(String.raw`${EDGE_BEFORE}(?:on[\s-]?site|in[\s-]office|office[\s-]based|in[\s-]person|presencial|sur\s+site|vor\s+ort)${EDGE_AFTER}`, 'giu')],
];

/**
 * Words around a workplace word that carry no place: "Remote in Canada", "US based Remote", "Remote - US". The short
 * ones not in capitals, which are codes: "Remote - IN" is India, "Remote - DE" Germany (they were remote anywhere).
 */
const FILLER = /^(?:[\s,:;–—-]|\b(?:[Ii]n|[Ff][Rr][Oo][Mm]|[Ww][Ii][Tt][Hh][Ii][Nn]|[Bb][Aa][Ss][Ee][Dd]|[Oo][Nn][Ll][Yy]|[Oo]f|[Dd]e|[Ee]n|[Ee]m|[Aa]us|à|a)\b)+|(?:[\s,:;–—-]|\b(?:[Ii]n|[Bb][Aa][Ss][Ee][Dd]|[Oo][Nn][Ll][Yy]|[Ff][Rr][Oo][Mm])\b)+$/gu;

/** Words that name an office at a place, not a place: "Berlin Office", "NYC HQ", "Headquarters - Paris". */
const OFFICE_WORDS = new RegExp(String.raw`${EDGE_BEFORE}(?:(?:global|corporate|regional)\s+)?(?:head\s+office|offices?|hq|headquarters|warehouse)${EDGE_AFTER}`, 'giu');

/**
 * A phrase without its office words, when a place is left: Ashby's locations are often an office's name ("Berlin
 * Office", which its postal address confirms). The words say which office, not how the role is worked there: the
 * workplace stays the one stated elsewhere (n8n's "Berlin Office" is a remote role).
 */
export function withoutOfficeWords(text: string): string {
	OFFICE_WORDS.lastIndex = 0;
	if (!OFFICE_WORDS.test(text)) return text;
	const rest = squash(text.replace(OFFICE_WORDS, ' ')).replace(/^[\s,:;–—-]+|[\s,:;–—-]+$/g, '');
	return rest === '' ? text : rest;
}

/** Finds and removes the workplace words of a phrase. */
export function stripWorkplace(text: string): { workplace?: Workplace; rest: string } {
	let rest = text;
	let workplace: Workplace | undefined;
	for (const [kind, pattern] of MARKERS) {
		pattern.lastIndex = 0;
		if (pattern.test(rest)) {
			workplace ??= kind;
			rest = rest.replace(pattern, ' ');
		}
	}
	if (!workplace) return { rest: text.trim() };
	return { workplace, rest: squash(rest.replace(/\(\s*\)|\[\s*\]/g, ' ').replace(FILLER, ' ')).replace(/^[-–—,:;]+|[-–—,:;]+$/g, '').trim() };
}

/** The workplace a piece ends with, after its place and a dash, bracket or comma ("Canada - Remote", "Munich (hybrid)"). */
export function workplaceAtEnd(piece: string): Workplace | undefined {
	const tail = piece.split(/\s+[-–—]\s+|[([,]/).at(-1)!.replace(/[)\]]/g, '');
	const read = stripWorkplace(tail);
	return read.workplace && !read.rest.trim() ? read.workplace : undefined;
}
