import type { Section } from '../schemas/posting.ts';
import type { ReadSection } from './structure.ts';
import { escapeRegExp, namesWords, sentences, truncate } from './text.ts';
import { remembered } from '../utils/remembered.ts';
import { findArea } from './places/areas.ts';
import { findCities, findCountry, findRegions } from './places/gazetteer.ts';

/** A value read from the HTML, with the text it came from. */
export interface Inferred {
	value: string;
	evidence: string;
}

/** What inference reads of a section: its kind and its plain text. */
export type SectionText = Pick<ReadSection, 'kind' | 'text'> & Partial<Pick<ReadSection, 'title' | 'paragraphs'>>;

/** Each section's sentences, split once: the team, the department, the title and the summary all read them. */
const SENTENCES = new WeakMap<SectionText, string[]>();

function sentencesOf(section: SectionText): string[] {
	let found = SENTENCES.get(section);
	if (!found) SENTENCES.set(section, (found = sentences(section.text)));
	return found;
}

/** Words that end a job title's role part: a comma goes after them ("Engineering Manager, Workers Runtime"). */
const ROLE_NOUNS =
	/\b(Engineer|Manager|Developer|Designer|Architect|Analyst|Scientist|Researcher|Director|Lead|Specialist|Consultant|Administrator|Recruiter|Coordinator|Representative|Executive|Officer|Intern|Writer|Counsel|Partner|Strategist|Associate)$/;

/** "SeniorSystemsEngineerWorkersRuntime(C++)" -> "Senior Systems Engineer Workers Runtime (C++)" */
function splitCamel(text: string): string {
	return text
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
		.replace(/\s*\(/g, ' (')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Puts the comma a recruiter would write between the role and the team. */
function punctuateTitle(words: string, team: string | undefined): string {
	if (team) {
		const at = words.lastIndexOf(` ${team}`);
		if (at > 0) return `${words.slice(0, at)}, ${words.slice(at + 1)}`;
	}
	const tokens = words.split(' ');
	for (let index = tokens.length - 2; index >= 0; index--) {
		if (ROLE_NOUNS.test(tokens[index]!)) return `${tokens.slice(0, index + 1).join(' ')}, ${tokens.slice(index + 1).join(' ')}`;
	}
	return words;
}

/**
 * Reads a title from the heading anchor ids some ATS exports carry, such as
 * `EngineeringManagerWorkersRuntime-AbouttheTeam`.
 *
 * @example
 * titleFromAnchors(['EngineeringManagerWorkersRuntime-AbouttheTeam'], 'Workers Runtime')
 * // => { value: 'Engineering Manager, Workers Runtime', evidence: 'EngineeringManagerWorkersRuntime-AbouttheTeam' }
 */
export function titleFromAnchors(ids: readonly string[], team?: string): Inferred | undefined {
	const prefixes = ids.map((id) => /^(.+)-[^-]+$/.exec(id)?.[1]).filter((prefix): prefix is string => Boolean(prefix));
	if (prefixes.length === 0) return undefined;
	// The title part is what all anchors share; a lone anchor could be anything.
	const shared = prefixes.filter((prefix) => prefix === prefixes[0]);
	if (prefixes.length > 1 && shared.length < prefixes.length) return undefined;
	const raw = prefixes[0]!.replace(/^[A-Za-z]+:/, '');
	if (!/^[A-Z][A-Za-z0-9]*[a-z][A-Z]/.test(raw)) return undefined;
	const words = splitCamel(raw);
	if (words.split(' ').length < 2) return undefined;
	return { value: punctuateTitle(words, team), evidence: ids[0]! };
}

/**
 * Reads a title from the sentence most postings open the role with:
 * "We are looking for an Engineering Manager to join … our Observability team".
 */
export function titleFromProse(sections: readonly SectionText[], team?: string): Inferred | undefined {
	for (const section of sections) {
		if (section.kind === 'company' || section.kind === 'closing') continue;
		for (const sentence of sentencesOf(section)) {
			const match = /\bWe(?:['’]re| are)\s+(?:looking for|hiring|seeking)\s+an?\s+((?:[A-Z][\w+#/&-]*\s+)*[A-Z][\w+#/&-]*)\b/.exec(sentence);
			if (!match) continue;
			const role = match[1]!;
			if (!ROLE_NOUNS.test(role)) continue;
			return { value: team && !role.includes(team) ? `${role}, ${team}` : role, evidence: sentence };
		}
	}
	return undefined;
}

const TEAM_SECTION_ORDER: Section['kind'][] = ['team', 'role', 'responsibilities', 'requirements'];
// Capitalised words, "&", "and" or "of" between them: "the Trust and Safety team", "the Security & Compliance team".
const TEAM_PATTERN = /\b(?:[Tt]he|[Oo]ur)\s+((?:[A-Z][\w&+.'’/-]*\s+(?:(?:&|and|of)\s+(?=[A-Z]))?){1,5})[Tt]eam\b/g;
/** "The team: Core Banking", "The Team You'll Join: Payments Infrastructure": a label, its value a name of capitalised words. */
const TEAM_LABEL = /^(?:(?:[Tt]he|[Oo]ur)\s+)?[Tt]eam(?:\s+[Yy]ou['’]?(?:ll|\s+[Ww]ill)\s+[Jj]oin)?\s*:\s*([A-Z][\w&+.'’/-]*(?:\s+(?:(?:&|and|of)\s+)?[A-Z][\w&+.'’/-]*){0,4})\.?$/;
/** A team the role works with, not in: "work closely with the Product team", "partner across the Design team". */
const ALONGSIDE = /\b(?:with|alongside|across|between)\s+$/i;
/** A capitalised name of up to five words, with the connectors a language puts between them: "Ingeniería de Datos", "Data & Analytics". */
const NAME = (connectors: string) => String.raw`([A-ZÀ-Þ][\p{L}\d&+.'’/-]*(?:\s+(?:(?:&|${connectors})\s+)?[A-ZÀ-Þ][\p{L}\d&+.'’/-]*){0,4})`;
/**
 * The team named as postings in other languages name it: "l'équipe Data Engineering", "al equipo de Ingeniería de
 * Datos", "o time de Engenharia", "nel team Engineering", "het Data-team", "das Payments-Team" (German capitalises
 * every noun, so only a name joined to "Team" by its hyphen).
 */
const OTHER_TEAM_PATTERNS = [
	new RegExp(String.raw`(?<!\p{L})(?:[Ll]['’]|[Nn]otre\s+|[Vv]otre\s+)[ée]quipe\s+(?:(?:de|du|des)\s+)?${NAME('et')}`, 'gu'),
	new RegExp(String.raw`(?<!\p{L})(?:[Ee]l|al|del|[Nn]uestro)\s+equipo\s+(?:de\s+)?${NAME('y|de')}`, 'gu'),
	// "time" only with its "de": "at a time Google was small" is English.
	new RegExp(String.raw`(?<!\p{L})(?:[Oo]|[Aa]|ao|à|do|da|[Nn]osso|[Nn]ossa)\s+(?:time\s+de|equipe(?:\s+de)?)\s+${NAME('e|de')}`, 'gu'),
	new RegExp(String.raw`(?<!\p{L})(?:[Ii]l|nel|al|del|[Nn]ostro)\s+team\s+(?:di\s+)?${NAME('e|di')}`, 'gu'),
	// Dutch and German: a name joined to "team" by its hyphen ("het Payments-team", "das Sales-Team"): German capitalises
	// every noun, and "het Amsterdamse team" is a place's.
	new RegExp(String.raw`(?<!\p{L})(?:[Hh]et|[Oo]ns|[Oo]nze|[Dd]as|dem|den|des|[Uu]nser(?:em|es|en)?|im|ins|zum)\s+([A-Z][\p{L}\d&+.]*(?:-[A-Z][\p{L}\d&+.]*){0,3})-[Tt]eams?(?!\p{L})`, 'gu'),
];
/** A name's words from a connector before a place on: "Ventas de Madrid" is the sales team, in Madrid. */
function withoutPlace(name: string): string {
	const words = name.split(/\s+(?=(?:de|di|y|e|et)\s)/);
	const at = words.findIndex((word, index) => index > 0 && isPlace(word.replace(/^\S+\s+/, '')));
	return (at > 0 ? words.slice(0, at) : words).join(' ').replace(/[.,;:!?]+$/, '');
}
/** "avec l'équipe", "con el equipo", "com o time", "mit dem … Team", "con il team", "met het … team": a team worked with, not in. */
const OTHER_ALONGSIDE = /(?<!\p{L})(?:avec|aupr[èe]s\s+de|con|junto\s+(?:a|con|com)|com|mit|zusammen\s+mit|insieme\s+a|met|samen\s+met)\s+(?:\p{L}+\s+){0,2}$/iu;

/** Words that praise or size a team, or say who hires for it: "Our Amazing Team", "the Global Team", "the Hiring Team". */
const NOT_A_TEAM_NAME = /^(?:(?:amazing|awesome|great|incredible|talented|dedicated|passionate|friendly|world[\s-]class|global|whole|entire|wider|broader|growing|small|diverse|international|local|remote|distributed|extended|hiring)\s*)+$/i;

/** Whether a name is a place's, as offices name teams: an area, a country, a state or province, or a city of half a million ("New York", not "Mobile"). */
function isPlace(name: string): boolean {
	return Boolean(findArea(name) ?? findCountry(name)) || findRegions(name).length > 0 || (findCities(name)[0]?.population ?? 0) >= 500_000;
}

/**
 * Finds the team a posting is for: "The Workers Runtime team delivers…",
 * "specifically our Observability team", "the Cloudflare Tunnel team", "The
 * team: Core Banking". Not a team the role works with, a place's team ("the
 * New York team", "our EMEA team") or words that praise one ("Our Amazing
 * Team").
 */
export function inferTeam(sections: readonly SectionText[], companyName: string): Inferred | undefined {
	const ordered = TEAM_SECTION_ORDER.flatMap((kind) => sections.filter((section) => section.kind === kind));
	const named = (team: string | undefined): team is string =>
		team !== undefined && team !== '' && team !== companyName && !/^(?:Our|The)$/i.test(team) && !NOT_A_TEAM_NAME.test(team) && !isPlace(team);
	for (const section of ordered) {
		for (const sentence of sentencesOf(section)) {
			const label = TEAM_LABEL.exec(sentence)?.[1]?.trim();
			if (named(label)) return { value: label, evidence: sentence };
			// The end of the last team the role works with: one listed right after it is another ("with the Sales team and the
			// Marketing team").
			let alongsideEnd = -1;
			for (const match of sentence.matchAll(TEAM_PATTERN)) {
				const team = match[1]?.trim();
				const before = sentence.slice(0, match.index);
				if (ALONGSIDE.test(before) || (alongsideEnd >= 0 && /^\s*(?:,|and|&)\s*$/i.test(before.slice(alongsideEnd)))) {
					alongsideEnd = match.index + match[0].length;
					continue;
				}
				if (!named(team)) continue;
				return { value: team, evidence: sentence };
			}
			for (const pattern of OTHER_TEAM_PATTERNS) {
				for (const match of sentence.matchAll(pattern)) {
					const team = match[1] && withoutPlace(match[1].trim());
					if (named(team) && !OTHER_ALONGSIDE.test(sentence.slice(0, match.index))) return { value: team, evidence: sentence };
				}
			}
		}
	}
	return undefined;
}

/**
 * Finds the department from the subject of the first sentence under
 * "About the Department": "Emerging Technologies & Incubation (ETI) is where…",
 * "Cloudflare’s Engineering Team builds…".
 */
export function inferDepartment(sections: readonly SectionText[], companyName: string): Inferred | undefined {
	const section = sections.find((candidate) => candidate.kind === 'department');
	if (!section) return undefined;
	const first = sentencesOf(section)[0];
	if (!first) return undefined;
	const value = departmentSubject(companyName).exec(first)?.[1]?.trim();
	if (!value || value.split(' ').length > 8 || value === companyName) return undefined;
	return { value, evidence: first };
}

/** The subject of a sentence about a department, "<Company>'s" allowed before it: compiled once per company name rather than per posting. */
function departmentSubject(companyName: string): RegExp {
	return DEPARTMENT_SUBJECT(companyName, () => {
		const company = escapeRegExp(companyName);
		return new RegExp(
			`^(?:(?:The|Our)\\s+)?(?:${company}['’]s\\s+)?([A-Z][^,;:]{1,80}?)\\s+(?:(?:[Tt]eam|[Oo]rgani[sz]ation|[Dd]epartment|[Gg]roup)\\s+)?(?:is|are|builds|runs|delivers|makes|owns|focuses|handles|works|brings)\\b`,
		);
	});
}
const DEPARTMENT_SUBJECT = remembered<RegExp>(1_000);

/** A line that opens with a label and its colon: "Requisition ID: R0123", "Salary: $100k - $120k" (when short: see its use). */
const FIELD_LINE = /^\p{L}[^:：.!?。]{0,40}[:：]\s*\S/u;

const SUMMARY_ORDER: Section['kind'][] = ['role', 'responsibilities', 'team', 'department', 'requirements', 'other'];
const SUMMARY_LENGTH = 200;

/**
 * A plain-text summary for listings and meta descriptions: the opening
 * sentences of the section that best describes the role, never company text.
 * A role section under its own heading ("About the Role", "Job Summary")
 * comes before the text above the first heading, which is as often a hook
 * or the company's blurb: Cleo's "Most money apps talk at you", Lean's
 * office opening, Eureka's "エウレカは…運営している会社です" ("Eureka is the
 * company that runs…") in six of the corpus's postings.
 */
export function summarize(sections: readonly SectionText[]): string {
	// A heading with nothing under it before the next one (ServiceNow's "Job Description", on SmartRecruiters) sums up nothing.
	const said = sections.filter((candidate) => candidate.text !== '');
	const headed = said.find((candidate) => candidate.kind === 'role' && candidate.title !== undefined);
	const section = headed ?? SUMMARY_ORDER.flatMap((kind) => said.filter((candidate) => candidate.kind === kind))[0] ?? said[0];
	if (!section) return '';
	// Read by paragraph and list item where the section has them: its text runs a list's items together ("Build
	// services in Go Design APIs"), and an item that ends with no stop is followed by a semicolon, not run into the next.
	// A requisition code alone ("FEQ327R203") says nothing of the role; nor, while there is prose, do a form's fields
	// set above it ("Job ID: 4012345", "Posted: 12/01/2026", "Job Title: Engineer").
	const pieces = section.paragraphs ?? [];
	const prose = (piece: string) => namesWords(piece) && !(FIELD_LINE.test(piece) && piece.split(' ').length <= 8);
	return summaryOf(pieces, prose) || summaryOf(pieces, namesWords) || summaryOf([section.text], () => true);
}

/**
 * The opening sentences of the pieces that pass, up to {@link SUMMARY_LENGTH}: each piece split into sentences only
 * until the summary is full, so a long list needs its first items read alone.
 */
function summaryOf(pieces: readonly string[], passes: (piece: string) => boolean): string {
	let summary = '';
	for (const piece of pieces) {
		if (!passes(piece)) continue;
		for (const sentence of sentences(piece)) {
			// Japanese and Chinese put no space after a full stop ("指導します。あなたは").
			const next = summary ? `${summary}${/[。！？]$/u.test(summary) ? '' : /[.!?…:;]$/u.test(summary) ? ' ' : '; '}${sentence}` : sentence;
			if (next.length > SUMMARY_LENGTH && summary) return truncate(summary, SUMMARY_LENGTH);
			summary = next;
		}
	}
	return truncate(summary, SUMMARY_LENGTH);
}
