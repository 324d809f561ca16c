import * as cheerio from 'cheerio';
import type { CompanyBlock, Posting } from '../schemas/posting.ts';
import { roleText } from './corpus.ts';

/**
 * Finding statements in a posting's text that pay-transparency laws ask for
 * beyond a range. Each detector returns the words it matched (for messages
 * and tests), or undefined. They read the visible text only, so they can be
 * fooled both ways: they are a reminder to look, not proof of compliance.
 */

/**
 * Words that describe benefits, not merely mention health or equity in
 * passing ("system health", "pay equity" are not benefits): the plural
 * "benefits", named insurance, retirement plans, paid leave and stock awards.
 */
const BENEFIT_WORDS =
	/\b(benefits|benefit plans?|health ?care|(?:health|medical|dental|vision|life|disability) (?:insurance|coverage|plans?)|dental|401\s?\(k\)|pension|retirement (?:plans?|savings|contributions?)|paid time off|PTO|(?:parental|family|sick|paid|vacation) leave|vacation days|paid holidays|stock options?|RSUs?|equity (?:plan|grants?|awards?|package|compensation))\b/i;

/** A stated deadline, or the ongoing-basis statement Colorado's Rule 11.1.3 accepts instead. */
const DEADLINE_WORDS =
	/\b(application (?:deadline|window)|applications? (?:close|closes|closing|will close|are due|due by|accepted until|will be accepted until)|apply (?:by|before|no later than)|deadline to apply|(?:ongoing|rolling) basis|accept(?:s|ing)? applications (?:on an )?(?:ongoing|rolling))\b/i;

const AI_WORDS = /\b(artificial intelligence|AI|A\.I\.|automated (?:tools?|systems?|screening))\b/;
// Both a screening verb and who is screened, so "candidates with AI experience" is not a statement.
const SCREENING_VERBS = /\b(screen|assess|evaluat|select|review|rank|filter|sort)\w*/i;
const SCREENED = /\b(applicants?|candidates?|applications?|résumés?|resumes?|CVs?|hiring|recruit\w*)\b/i;
const VACANCY_WORDS = /\b(vacanc(?:y|ies))\b/i;

/** Plain text of HTML, whitespace collapsed. */
function plain(html: string): string {
	return cheerio.load(html, null, false).text().replace(/[\s\u00a0]+/g, ' ').trim();
}

const companyTexts = new WeakMap<CompanyBlock, string>();

/** Plain text of a company text block, read once: the same few blocks are in nearly every posting (at 10,000 roles, 0.9 s read again each time). */
function companyPlain(block: CompanyBlock): string {
	let text = companyTexts.get(block);
	if (text === undefined) companyTexts.set(block, (text = plain(block.html)));
	return text;
}

const indexes = new WeakMap<readonly CompanyBlock[], ReadonlyMap<string, CompanyBlock>>();

/** The company text blocks by id, indexed once per list: made for each posting, it cost 0.8 s of a 10,000-role review. */
function blocksById(company: readonly CompanyBlock[]): ReadonlyMap<string, CompanyBlock> {
	let byId = indexes.get(company);
	if (!byId) indexes.set(company, (byId = new Map(company.map((block) => [block.id, block]))));
	return byId;
}

/** Sentences, roughly: enough to keep "AI" and "screen" in one statement. */
function sentences(text: string): string[] {
	return text.split(/(?<=[.!?])\s+|\s*[\n•]\s*/).filter(Boolean);
}

/**
 * The text a candidate sees for this role: its own sections and the company
 * text blocks it carried. `companyKnown` is false when some of those blocks
 * were not given to the review (then a statement kept only in company text
 * would be missed, and findings say so).
 */
export function disclosureText(posting: Posting, company: readonly CompanyBlock[]): { text: string; companyKnown: boolean } {
	const byId = blocksById(company);
	const blocks = posting.company.map((id) => byId.get(id));
	const companyText = blocks.flatMap((block) => (block ? [companyPlain(block)] : [])).join(' ');
	return { text: `${roleText(posting)} ${companyText}`.trim(), companyKnown: blocks.every(Boolean) };
}

/** The benefit words found, e.g. "benefits" or "401(k)". */
export function benefitsMention(text: string): string | undefined {
	return BENEFIT_WORDS.exec(text)?.[0];
}

/** The posting's last day to apply (`validThrough`), or the deadline words found in its text. */
export function closingDateMention(posting: Posting, text: string): string | undefined {
	if (posting.validThrough) return `validThrough: ${posting.validThrough}`;
	return DEADLINE_WORDS.exec(text)?.[0];
}

/** A sentence that speaks of AI (or automated tools) and of screening or selecting applicants. */
export function aiStatement(text: string): string | undefined {
	return sentences(text).find((sentence) => AI_WORDS.test(sentence) && SCREENING_VERBS.test(sentence) && SCREENED.test(sentence));
}

/** A sentence that says whether the posting is for a vacancy. */
export function vacancyStatement(text: string): string | undefined {
	return sentences(text).find((sentence) => VACANCY_WORDS.test(sentence));
}
