/**
 * One reading of "what kind of job is this" for every source: an ATS field
 * ("Full-time Regular", "FullTime", "Werkstudent"), a recruiter's front matter,
 * or, when neither says, the posting's title and its statements about the role.
 * Values are Google's JobPosting `employmentType`s.
 */
import type { employmentTypes } from '../schemas/front-matter.ts';
import { CJK, isPlainProse } from './text.ts';

/** One of Google's `employmentType` values. */
export type EmploymentType = (typeof employmentTypes)[number];

/** An employment type read from a posting's text, with the words it was read from. */
export interface InferredEmployment {
	value: EmploymentType;
	evidence: string;
}

/**
 * Kinds of work a phrase can name. Arrangements (an internship, a contract, a
 * season) say more than hours do, so they win over full-time or part-time;
 * `permanent` and `contract` are the weakest words (a "permanent part-time"
 * job is part-time; a "fixed-term contract" is temporary).
 */
type Kind = 'intern' | 'student' | 'contractor' | 'temporary' | 'perDiem' | 'volunteer' | 'partTime' | 'fullTime' | 'permanent' | 'contract';

const VALUE_OF: Record<Kind, EmploymentType> = {
	intern: 'INTERN',
	// A working student (Werkstudent) is employed part-time alongside studies; it is not an internship.
	student: 'PART_TIME',
	contractor: 'CONTRACTOR',
	temporary: 'TEMPORARY',
	perDiem: 'PER_DIEM',
	volunteer: 'VOLUNTEER',
	partTime: 'PART_TIME',
	fullTime: 'FULL_TIME',
	permanent: 'FULL_TIME',
	contract: 'CONTRACTOR',
};
const ARRANGEMENTS: readonly Kind[] = ['intern', 'student', 'contractor', 'temporary', 'perDiem', 'volunteer'];
const HOURS: readonly Kind[] = ['partTime', 'fullTime'];

/**
 * Words for each kind, written folded (lower case, no accents, punctuation as
 * spaces), in English, German, French, Spanish, Portuguese, Dutch, Italian, Polish, the Nordic languages, Finnish,
 * Czech, Hungarian, Romanian, Turkish, Russian, Ukrainian, Indonesian and Vietnamese.
 * Apprenticeships count as internships (see docs/decisions.md).
 * `anywhere: false` words are read in ATS values only: in prose they mean
 * something else ("an early stage company", "a vast role", "regular reviews").
 */
/** The nouns German joins to the hours of a job: "Vollzeitstelle", "Teilzeitposition" (folded: "Beschäftigung" is "beschaftigung"). */
const GERMAN_ROLE = '(?:stelle|position|anstellung|beschaftigung|job)';

const WORDS: ReadonlyArray<{ kind: Kind; words: string; anywhere?: false }> = [
	{ kind: 'intern', words: 'interns?|internships?|co op|trainee(?:ship)?s?|apprentice(?:ship)?s?|graduate apprentice' },
	{ kind: 'intern', words: 'praktik(?:um|ant|antin)|pflichtpraktikum|ausbildung|azubi|auszubildende[rn]?|duales studium|dual(?:er)? student(?:in)?' },
	{ kind: 'intern', words: 'stage de fin d etudes|stagiaire|alternan(?:ce|t|te)|apprenti(?:e|ssage)?|contrat d apprentissage|contrat de professionnalisation' },
	{ kind: 'intern', words: 'practicas|becari[oa]|beca|pasant(?:e|ia)|aprendiz(?:aje)?|formacion dual|estagi(?:o|ari[oa])|jovem aprendiz' },
	{ kind: 'intern', words: 'stagiair|stageplaats|leerling|leerbaan|tirocini(?:o|ante)|stagista|apprendist(?:a|ato)' },
	{ kind: 'intern', words: 'stage', anywhere: false },
	{ kind: 'student', words: 'working students?|werkstudent(?:in|en)?|studentische (?:hilfskraft|aushilfe)|job etudiant|student job' },
	{ kind: 'contractor', words: 'contractors?|freelance(?:r)?|free lance|freiberuflich(?:e[rn]?)?|freie mitarbeit|contract to hire|independant|autonomo|prestataire|zzp(?: er)?|1099' },
	// France's self-employed: a "profession libérale" (France Travail's contract type for it), an auto- or micro-entrepreneur.
	{ kind: 'contractor', words: 'profession liberale|(?:auto|micro) entrepreneur' },
	{ kind: 'temporary', words: 'temporary|temp|fixed term|limited term|term limited|seasonal|befristet(?:e[nr]?)?|saison(?:al|kraft|stelle)|aushilfe' },
	{ kind: 'temporary', words: 'cdd|duree determinee|temporaire|saisonni(?:er|ere)|interim(?:aire)?|temporal|(?:contrato|trabajo|personal) eventual|de temporada|temporari[oa]|sazonal|prazo determinado' },
	{ kind: 'temporary', words: 'tijdelijke?|seizoens?(?:werk|baan|kracht)?|tempo determinato|stagionale|a termine' },
	{ kind: 'perDiem', words: 'per diem|prn' },
	// "Casual" as a field's value is work as needed, without set hours: One Medical's 52 clinic roles, US health care's
	// per diem. In prose it is a manner ("casual dress", "a casual chat").
	{ kind: 'perDiem', words: 'casual', anywhere: false },
	// A contingent worker is engaged through an agency or on contract, not employed (Naughty Dog's "Worker Type"). Value
	// only: a title names the contingent workforce as a job's subject ("Program Manager Contingent Workforce").
	{ kind: 'contractor', words: 'contingent(?: workers?)?', anywhere: false },
	{ kind: 'volunteer', words: 'volunteers?|volunteering|ehrenamt(?:lich)?|benevol(?:e|at)|voluntari(?:o|a|ado)|vrijwillig(?:er|ers|erswerk)|volontari(?:o|a|ato)' },
	// "Medio tiempo" and "tiempo completo" are Latin America's words for part and full time.
	// German compounds with the role's noun: "Vollzeitstelle", "Teilzeitposition", "Werkstudententätigkeit", "Praktikumsstelle".
	{ kind: 'fullTime', words: `vollzeit${GERMAN_ROLE}` },
	{ kind: 'partTime', words: `teilzeit${GERMAN_ROLE}` },
	{ kind: 'student', words: 'werkstudent(?:en)?(?:stelle|tatigkeit|job)' },
	{ kind: 'intern', words: 'praktikums?(?:stelle|platz)' },
	{ kind: 'partTime', words: 'part time|parttime|teilzeit|temps partiel|mi temps|tiempo parcial|medio tiempo|media jornada|jornada parcial|tempo parcial|meio periodo|deeltijd|tempo parziale|minijob' },
	// "Full or part time" names both, so no one: the words say full time, and "part time" in them part time.
	{ kind: 'fullTime', words: 'full (?:or|and) part time|full time|fulltime|vollzeit|temps plein|plein temps|temps complet|tiempo completo|jornada completa|tempo integral|periodo integral|voltijd|tempo pieno' },
	{ kind: 'fullTime', words: 'ft|fte', anywhere: false },
	{ kind: 'permanent', words: 'permanent|unbefristet(?:e[nr]?)?|fest ?anstellung|feste anstellung|cdi|duree indeterminee|indefinido|tiempo indefinido|efetivo|onbepaalde tijd|tempo indeterminato' },
	{ kind: 'permanent', words: 'regular|unlimited|indefinite|salaried|employee|vast|vaste', anywhere: false },
	// India's payroll words, as a field's value: "on-roll" is on the company's own payroll (Paytm's Lever commitment), "off-roll"
	// through a staffing agency. In prose "on roll" is rarely about employment.
	{ kind: 'permanent', words: 'on roll', anywhere: false },
	{ kind: 'contractor', words: 'off roll', anywhere: false },
	// Polish: "pełny etat" (full time), "niepełny etat"/"pół etatu" (part time), "umowa o pracę" (an employment contract),
	// "umowa zlecenie"/"B2B" (a contractor's), "staż"/"praktyki" (internship), "umowa na czas określony" (fixed term).
	{ kind: 'fullTime', words: 'pe[lł]ny etat|pe[lł]en etat|pe[lł]nym etacie|ca[lł]y etat' },
	{ kind: 'partTime', words: 'niepe[lł]ny etat|niepe[lł]nym etacie|p[oó][lł] etatu|czesc etatu' },
	{ kind: 'permanent', words: 'umowa o prace|umowe o prace|umowy o prace|czas nieokreslony' },
	{ kind: 'contractor', words: 'umowa zlecenie|umowa o dzielo|kontrakt b2b' },
	// "B2B" alone is a contract only as a field's value: in a title or prose it is business to business ("Product Manager - B2B SaaS").
	{ kind: 'contractor', words: 'b2b', anywhere: false },
	{ kind: 'temporary', words: 'czas okreslony' },
	{ kind: 'intern', words: 'staz|stazysta|stazystka|praktyki|praktykant(?:ka)?' },
	// Swedish, Danish, Norwegian, Finnish, Czech, Hungarian, Romanian, Turkish.
	{ kind: 'fullTime', words: 'heltid|fuldtid|kokoaikainen|kokoaikatyo|plny uvazek|plnym uvazkem|teljes munkaidos?|norma intreaga|tam zamanl[iı]' },
	{ kind: 'partTime', words: 'deltid|osa aikainen|osa aikatyo|castecny uvazek|castecnym uvazkem|reszmunkaidos?|jumatate de norma|yar[iı] zamanl[iı]' },
	{ kind: 'permanent', words: 'tillsvidareanstallning|tillsvidare|fast anstallning|fastans(?:ae|æ|a)ttelse|fast stilling|fast ansettelse|vakituinen|toistaiseksi voimassa oleva|hlavni pracovni pomer|perioada nedeterminata|belirsiz s[uü]reli' },
	{ kind: 'temporary', words: 'visstidsanstallning|visstid|tidsbegransad(?: anstallning)?|vikariat|midlertidig|tidsbegrenset|tidsbegr(?:ae|æ)nset|maaraaikainen|doba urcita|hatarozott ideju|perioada determinata|belirli s[uü]reli' },
	{ kind: 'intern', words: 'praktik|praktikplads|praktikplats|traineeplads|l(?:ae|æ)rling|larling|harjoittelija|harjoittelu|gyakornok|stagiu|stajyer|staj' },
	// Russian and Ukrainian, folded (й is и, ё is е): "полная занятость" (full time), "частичная занятость" (part time),
	// "стажировка" (internship), "договор ГПХ" (a civil contract: a contractor's), "временная работа" (temporary).
	{ kind: 'fullTime', words: 'полная занятость|полныи рабочии день|полныи день|повна заинятість|повнии робочии день' },
	{ kind: 'partTime', words: 'частичная занятость|неполная занятость|неполныи рабочии день|часткова заинятість|неповнии робочии день' },
	{ kind: 'intern', words: 'стажировка|стажер|стажерка|стажування|стажист' },
	{ kind: 'contractor', words: 'проектная работа|договор гпх|фриланс|самозанят[а-я]*' },
	{ kind: 'temporary', words: 'временная работа|временная занятость|тимчасова робота|тимчасова заинятість' },
	{ kind: 'permanent', words: 'постоянная работа|бессрочныи трудовои договор|трудовои договор|постіина робота' },
	// Hebrew, whose prepositions and article join the next word ("במשרה מלאה", "למשרה חלקית"): "משרה מלאה" (a full-time
	// position), "משרה חלקית" (part time), "משרת סטודנט" (a student's), "משרה זמנית" (temporary), "פרילנס"; "מלאה" and
	// "חלקית" (full, partial) alone after a label ("היקף משרה: מלאה").
	{ kind: 'fullTime', words: '[בהלמשו]?משר[הת] מלאה' },
	{ kind: 'partTime', words: '[בהלמשו]?משר[הת] חלקית' },
	{ kind: 'student', words: '[בהלמשו]?משרת סטודנט(?:ים)?' },
	{ kind: 'temporary', words: '[בהלמשו]?משר[הת] זמנית' },
	{ kind: 'contractor', words: 'פרילנס(?:ר|רית)?' },
	{ kind: 'fullTime', words: 'מלאה', anywhere: false },
	{ kind: 'partTime', words: 'חלקית', anywhere: false },
	// Czech "HPP" (an employment contract) and "brigáda" (a temporary job), Brazil's "CLT" (an employee's contract) and
	// "PJ" (a company's: a contractor): short or common words elsewhere, read in ATS values and labels only.
	{ kind: 'permanent', words: 'hpp|clt', anywhere: false },
	{ kind: 'temporary', words: 'brigada', anywhere: false },
	{ kind: 'contractor', words: 'pj', anywhere: false },
	// Indonesian and Vietnamese: "purnawaktu"/"penuh waktu" and "toàn thời gian" (full time), "paruh waktu" and "bán thời
	// gian" (part time), "magang" and "thực tập" (internship), "karyawan tetap" (a permanent employee), "kontrak" (a
	// fixed-term employee's contract, PKWT).
	{ kind: 'fullTime', words: 'purnawaktu|penuh waktu|toan thoi gian' },
	{ kind: 'partTime', words: 'paruh waktu|ban thoi gian' },
	{ kind: 'intern', words: 'magang|thuc tap(?: sinh)?' },
	{ kind: 'permanent', words: 'karyawan tetap|pegawai tetap' },
	// A locum stands in for a doctor for a time; a secondment, "sözleşmeli" (Turkish) and "kontrak" are fixed-term
	// contracts, and common words in prose ("opportunities for secondment").
	{ kind: 'temporary', words: 'locum(?: tenens)?' },
	{ kind: 'temporary', words: 'secondment|sozlesmeli|kontrak', anywhere: false },
	{ kind: 'contract', words: 'contract|contracted' },
];

/**
 * Words in Japanese, Korean and Chinese, which write no spaces between words:
 * found anywhere in the text ("パート" but not "パートナー", a partner).
 */
const CJK_WORDS: ReadonlyArray<{ kind: Kind; words: string }> = [
	{ kind: 'permanent', words: '正社員|정규직|正式员工' },
	{ kind: 'temporary', words: '契約社員|派遣社員|계약직|임시직' },
	// "パート" alone, not inside another word: "エキスパート" is an expert, "パートナー" a partner.
	{ kind: 'partTime', words: 'アルバイト|パートタイム|(?<![\u30A1-\u30FA\u30FC])パート(?!ナー)|아르바이트|파트타임|兼职' },
	{ kind: 'fullTime', words: 'フルタイム|풀타임|全职' },
	{ kind: 'intern', words: 'インターン|인턴|实习|實習' },
	{ kind: 'contractor', words: '業務委託|프리랜서|フリーランス' },
];

const compile = (anywhereOnly: boolean) =>
	WORDS.filter((entry) => !anywhereOnly || entry.anywhere !== false).map(({ kind, words }) => ({ kind, pattern: new RegExp(`(?:^| )(?:${words})(?= |$)`, 'g') }));
const VALUE_WORDS = compile(false);
const PROSE_WORDS = compile(true);
// Tried only on text with a letter of {@link CJK}: nearly all text has none.
const CJK_PATTERNS = CJK_WORDS.map(({ kind, words }) => ({ kind, pattern: new RegExp(words, 'g') }));

/**
 * Lower case, accents dropped, "FullTime" split, punctuation as single spaces, one space at each end (so every
 * word has a space on both sides): "Stage de fin d'études" -> " stage de fin d etudes ".
 */
export function fold(text: string): string {
	const split = text.replace(/([a-z])([A-Z])/g, '$1 $2');
	// ASCII (most prose) has no accents to drop, and its only letters and digits are a-z and 0-9 once lower-cased:
	// the same result without the costly decomposition and Unicode classes. So does prose whose only other
	// characters are typographic punctuation (’ “ – • …, no-break spaces): none is a letter, digit or mark.
	// The end spaces go on before the last replace, which merges them with any punctuation there: no trim, no copy.
	if (isPlainProse(split)) return ` ${split.toLowerCase()} `.replace(/[^a-z0-9]+/g, ' ');
	return ` ${unaccented(split).toLowerCase()} `.replace(/[^\p{L}\p{N}]+/gu, ' ');
}

/**
 * Text without the accents of Latin letters ("é" → "e", "ş" → "s"). Only those marks go: the voicing marks of
 * Japanese kana are part of the letter ("パート" is not "ハート"), and Korean syllables, which decomposing splits
 * into their letters, are composed again.
 */
function unaccented(text: string): string {
	const stripped = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
	return CJK.test(text) ? stripped.normalize('NFC') : stripped;
}

function kindsIn(folded: string, words: typeof VALUE_WORDS): Set<Kind> {
	const kinds = new Set<Kind>();
	for (const { kind, pattern } of CJK.test(folded) ? [...words, ...CJK_PATTERNS] : words) {
		pattern.lastIndex = 0;
		if (pattern.test(folded)) kinds.add(kind);
	}
	return kinds;
}

/**
 * The one employment type a set of kinds adds up to, or undefined when they
 * disagree ("Full-time or part-time", "Praktikant / Werkstudent").
 */
function resolve(kinds: ReadonlySet<Kind>): EmploymentType | undefined {
	const pick = (candidates: readonly Kind[]) => [...new Set(candidates.filter((kind) => kinds.has(kind)).map((kind) => VALUE_OF[kind]))];
	// An internship and a working student's job are fixed-term by nature: "Intern (Fixed Term)" is an internship.
	const arrangement = pick(kinds.has('intern') || kinds.has('student') ? ARRANGEMENTS.filter((kind) => kind !== 'temporary') : ARRANGEMENTS);
	if (arrangement.length > 0) return arrangement.length === 1 ? arrangement[0] : undefined;
	const hours = pick(HOURS);
	if (hours.length > 0) return hours.length === 1 ? hours[0] : undefined;
	if (kinds.has('permanent')) return 'FULL_TIME';
	if (kinds.has('contract')) return 'CONTRACTOR';
	return undefined;
}

/**
 * Google's employment type for a value as an ATS or a recruiter writes it;
 * undefined when it names none, or several that disagree.
 *
 * @example
 * employmentTypeOf('Regular Full Time (Salary)') // 'FULL_TIME'
 * employmentTypeOf('Werkstudent') // 'PART_TIME'
 * employmentTypeOf("Stage de fin d'études") // 'INTERN'
 * employmentTypeOf('Fixed-term contract') // 'TEMPORARY'
 * employmentTypeOf('Full-time or part-time') // undefined
 */
export function employmentTypeOf(value: string | null | undefined): EmploymentType | undefined {
	const text = (value ?? '').trim();
	const canonical = text.toUpperCase().replace(/[\s-]+/g, '_');
	if (GOOGLE_VALUES.has(canonical)) return canonical as EmploymentType;
	return resolve(kindsIn(fold(text), VALUE_WORDS));
}

const GOOGLE_VALUES = new Set<string>(['FULL_TIME', 'PART_TIME', 'CONTRACTOR', 'TEMPORARY', 'INTERN', 'VOLUNTEER', 'PER_DIEM', 'OTHER']);

/** A contract's term in a title: "6-month", "12 months", "1year". */
const TERM = String.raw`\d+\s*[-–]?\s*(?:months?|years?|weeks?)`;

/**
 * What a title's brackets, commas, slashes, pipes, colons, tildes and spaced
 * dashes separate, lower-cased: "QA Engineer (Remote / Contract)" has "qa
 * engineer", "remote" and "contract".
 */
function titleItems(title: string): string[] {
	return title
		.split(/[()[\]{},/;|~:：]|\s[-–—]+|[-–—]+\s/)
		.map((item) => item.replace(/\s+/g, ' ').trim().toLowerCase())
		.filter((item) => item !== '');
}

/** An item that is the role's contract: "(Contract)", "- Contract", "On Contract", "Contract based", "Civil contract", "Contract Opportunity:", "Contract outside IR35". */
const CONTRACT_ITEM = /^(?:on |civil )?contract(?: based| role| position| opportunity| only| (?:outside|inside) ir35)?$/;

/** An item that is a fixed term: the UK's "FTC" with or without its term, and cover for someone's leave ("Maternity Cover", "Mat Leave Contract"). */
const FIXED_TERM_ITEM = new RegExp(String.raw`^(?:${TERM} )?(?:ftc|(?:mat(?:ernity)?|paternity|parental|caregiver) (?:leave )?(?:cover|replacement|contract))(?: ${TERM})?$`);

/**
 * Where else a title states its terms: a contract with its term ("(6-month Contract)", "Lehi 6-month Contract");
 * "Contract" before a seniority or a recruiter ("Contract Senior Recruiter", "Contract Sourcer"), not before the work
 * ("Contract Manager"); after a job noun at the end ("Optimisation Manager Contract"); or "Contract Role".
 */
const CONTRACT_TERMS = new RegExp(
	String.raw`\b${TERM}\s+contract\b|^\s*contract\s+(?:senior|sr\b|principal|staff|junior|jr\b|(?:\w+\s+)?recruiter|sourcer|talent acquisition)|\b(?:manager|engineer|developer|designer|analyst|specialist|coordinator|consultant|recruiter|assistant|director|writer|editor|producer|architect|scientist)\s+contract\s*$|\bcontract\s*(?:role|position)\b`,
	'i',
);

/** The UK's fixed-term contract with its term anywhere ("Physical Sales Coordinator 1 year FTC", "FTC 12 months"), or last ("Senior Motion Designer FTC"). */
const FTC_TERMS = new RegExp(String.raw`\b${TERM}\s+FTC\b|\bFTC\s+${TERM}|\sFTC\s*$`, 'i');

/**
 * Kinds a job title names. Titles name the role itself, so their words count,
 * but only in forms that cannot be a job's subject: "Contract Manager" and
 * "Intern Program Coordinator" are permanent jobs about contracts and interns.
 */
function titleKinds(title: string): Set<Kind> {
	const folded = fold(title);
	const items = titleItems(title);
	// "Product Lead, Contractor Invoicing & Compliance" pays contractors: the work done for them is a subject too (not
	// an intern's: "Intern Payroll & HR Administration" is an internship).
	const subject = / (?:(?:interns?|internships?|apprentice(?:ship)?s?|students?|contractors?|volunteers?) (?:program(?:me)?|recruit\w*|coordinator|manager|lead|relations|management|experience)|contractors? (?:invoic\w*|payments?|payroll|onboarding|compliance|operations|hiring|sourcing)) /;
	const ofPeople = / (?:recruit\w*|coordinator|manager|lead|partner)(?: \w+)? (?:interns|internships|apprentices|apprenticeships|contractors|volunteers) /;
	// "Contractor: Lead Analytics Engineer": a kind before a colon labels the role, whatever follows it.
	const labelled = /^[^:：]{1,24}[:：]/.test(title) && kindsIn(fold(items[0] ?? ''), PROSE_WORDS).size > 0;
	if (!labelled && (subject.test(folded) || ofPeople.test(folded))) {
		return new Set();
	}
	// "CDD Risk Analyst", "CDD Analyst, Onboarding": banks' customer due diligence, the work, not France's fixed-term
	// contract, which a title names after the job ("Chargé de clientèle - CDD", "CDD de 6 mois").
	const kinds = kindsIn(folded.replace(/ cdd (?=(?:risk|analyst|review\w*|investigat\w*|specialist|operations|team|onboarding|officer|lead|manager|associate|kyc|aml|edd) )/g, ' '), PROSE_WORDS);
	kinds.delete('permanent');
	kinds.delete('contract');
	// "Talent Partner (12-month FTC)", "Finance Manager (Maternity Cover)": a fixed term. Not alone: "FTC Compliance Analyst"
	// is about the regulator. A contractor's own word says who is hired: "Maternity Cover (Freelance)" is a contractor's job.
	if ((items.some((item) => FIXED_TERM_ITEM.test(item)) || FTC_TERMS.test(title)) && !kinds.has('contractor')) kinds.add('temporary');
	// "Software Engineer (Contract)", "Data Engineer (Remote / Contract)", "Designer - Contract": the contract is the role's,
	// not its subject. The weakest word: "(1-Year Contract - Fixed Term)" and "CDD / Fixed 1 year contract" are fixed-term.
	if ((items.some((item) => CONTRACT_ITEM.test(item)) || CONTRACT_TERMS.test(title)) && !kinds.has('temporary')) kinds.add('contractor');
	// "Stage - Développeur web", "Stage de 6 mois", "Planneur Stratégique – H/F – STAGE": in a title, "stage" leads or stands alone.
	if (/^\s*stage\b|\bstage\s*[-–—:(]/i.test(title) || items.includes('stage')) kinds.add('intern');
	return kinds;
}

/** Nouns a statement about the role uses for it. */
const ROLE = String.raw`(?:role|position|job|opportunity|post|vacancy|assignment|engagement|contract|internship|apprenticeship|placement|program|programme|fellowship)`;
/**
 * Any kind word said in prose, as one group. The lookahead matches nothing the words do not (each starts with a letter
 * or digit): it is there for V8's regexp compiler, which otherwise analysed the 245 words through all that follows
 * them, 50-65 ms for one statement and 110 ms in all, paid by every process the first time a block names a kind.
 */
const KIND = String.raw`(?=[^ ])(?:${WORDS.filter((entry) => entry.anywhere !== false).map((entry) => entry.words).join('|')})`;
const DURATION = String.raw`(?:\d+ (?:to \d+ )?(?:week|month|year)s? )`;

/**
 * A short line that states the terms alone, before a comma, bracket or dash, or at its end: "Full-time, hybrid",
 * "Permanent contract", "Temporary (6 months)", "Полная занятость, гибридный формат". Not "Temporary housing
 * provided", nor a line about other people ("Part-time employees get pro-rata leave"). Read on the block with its
 * accents dropped and lower-cased; the words' spaces match a hyphen too.
 */
const TERMS_LINE = new RegExp(
	String.raw`^\s*((?:${WORDS.filter((entry) => ['fullTime', 'partTime', 'permanent', 'temporary'].includes(entry.kind) && entry.anywhere !== false)
		.map((entry) => entry.words.replaceAll(' ', String.raw`[\s-]`))
		.join('|')})(?:\s+(?:contract|position|role|job))?)\s*(?:[,(|/–—]|\s-\s|$)`,
);

/** What separates the items of a line of facts: a bar, a bullet or a middle dot, or a spaced slash or dash. */
const ITEM_SEPARATOR = /\s*[|•·]\s*|\s[/–—-]\s/;

/**
 * Folded sentences that speak about this role, each capturing the words that
 * name its kind. Statements about other people ("benefits for full-time
 * employees", "our interns", "contractors and vendors") match none of them.
 * `otherwise` is the kind a statement makes when its words name none.
 */
const STATEMENTS: ReadonlyArray<{ pattern: RegExp; otherwise?: Kind }> = [
	// "This is a full-time position", "This is a 6 month fixed term contract", "This is a paid internship".
	{ pattern: new RegExp(String.raw` this is an? ((?:paid |unpaid |remote |hybrid |on site |onsite |summer |winter |spring |fall |${DURATION})*(?:${KIND} (?:or |and )?)*${ROLE}) `) },
	// "This role is full-time", "The position is a 12 month fixed term contract".
	{ pattern: new RegExp(String.raw` (?:this|the) ${ROLE} is (?:an? )?(${DURATION}?${KIND}(?: (?:or |and )?${KIND})*) `) },
	// "this full-time position", "The seasonal role".
	{ pattern: new RegExp(String.raw` (?:this|the) (${KIND}(?: (?:or |and )?${KIND})*) ${ROLE} `) },
	// A list item of what is offered that opens with the role's terms: "A permanent, full-time role with base office hours
	// of 37.5 hours per week" (KPMG New Zealand's, on a role its ATS files as "Student").
	{ pattern: new RegExp(String.raw`^ an? (${KIND}(?: (?:or |and )?${KIND})* ${ROLE}) `) },
	// "We are looking for a part-time barista", "We're hiring an Android intern", "seeking a working student".
	{
		pattern: new RegExp(
			String.raw` (?:looking for|seeking|hiring|recruiting|searching for) (?:you as )?an? ((?:${KIND} )+|(?:\w+ ){0,2}(?:interns?|apprentices?|working students?|werkstudent\w*|trainees?) )`,
		),
	},
	// "a fixed-term contract of 6 months", "a 12-month fixed-term contract", "on a temporary contract".
	{ pattern: / (?:an?|on) ((?:\d+ (?:week|month|year)s? )?(?:fixed term|temporary|seasonal|permanent|freelance) contract) / },
	// "The program runs for 4 months", "The internship lasts 12 weeks": a role with an end date.
	{ pattern: new RegExp(String.raw` (?:this|the) (${ROLE}) (?:runs|lasts|is) (?:for )?(?:\d+|one|two|three|four|six|twelve) (?:weeks|months) `), otherwise: 'temporary' },
	// German, French, Spanish, Portuguese, Dutch, Italian: "in Vollzeit", "als Werkstudent", "en CDI", "à temps partiel", "a tiempo completo", "em tempo integral", "tijdelijk contract", "a tempo determinato".
	{ pattern: / (?:in|als) ((?:vollzeit|teilzeit|werkstudent\w*|praktikant\w*|aushilfe|minijob\w*)(?: (?:oder|und|bzw) (?:in )?(?:vollzeit|teilzeit))?) / },
	// Hebrew names the position itself, so its words state the role's terms wherever they stand: "דרושה עובדת למשרה מלאה".
	{ pattern: / ([בהלמשו]?משר[הת] (?:מלאה|חלקית|זמנית)|[בהלמשו]?משרת סטודנט(?:ים)?) / },
	// After the role's gender marker, as German postings name a role: "Qualitätsmanager m/w/d Vollzeit im Raum Rottweil".
	{ pattern: / [mwfdx] [mwfdx] [mwfdx] (vollzeit|teilzeit|full time|part time) / },
	{ pattern: / (?:eine?n?|die|diese) ((?:un)?befristete\w* (?:stelle|anstellung|vertrag|arbeitsvertrag|position)) / },
	// German compounds: "eine unbefristete Vollzeitstelle", "diese Teilzeitposition", "eine Praktikumsstelle".
	{ pattern: new RegExp(String.raw` (?:eine?n?|die|diese|unsere?) (?:(?:un)?befristete\w* )?((?:vollzeit|teilzeit)${GERMAN_ROLE}|werkstudent\w*(?:stelle|tatigkeit|job)|praktikums?(?:stelle|platz)) `) },
	{ pattern: / (?:en|un|d un|poste en) (cdi|cdd|stage|alternance|apprentissage|interim|freelance) / },
	// "Stage de 6 mois", "CDD de 12 mois", "mission freelance de 3 mois".
	{ pattern: / (stage|alternance|cdd|mission (?:en )?freelance) (?:de|d une duree de) \d+ mois / },
	{ pattern: / a (temps (?:plein|partiel|complet)|mi temps) / },
	{ pattern: / (?:a|de|en) (tiempo (?:completo|parcial)|medio tiempo|jornada (?:completa|parcial)|media jornada) / },
	{ pattern: / contrato (indefinido|temporal|de practicas|temporario|de estagio|por prazo determinado) / },
	{ pattern: / (?:em|de) (tempo (?:integral|parcial)|meio periodo|periodo integral) / },
	// Brazil's "regime CLT" (an employee's contract) and "regime PJ" (a company's: a contractor's).
	{ pattern: / regime (clt|pj) / },
	{ pattern: / ((?:fulltime|parttime|voltijd|deeltijd|tijdelijk|vast)e? (?:baan|functie|positie|dienstverband|contract)) / },
	{ pattern: / a (tempo (?:pieno|parziale|determinato|indeterminato)) / },
	// Polish: "umowa o pracę", "na pełny etat", "umowa na czas określony".
	{ pattern: / ((?:umow\w*|kontrakt\w*) (?:o prace|zlecenie|o dzielo|b2b)|(?:niepe[lł]n\w*|pe[lł]n\w*|ca[lł]y) eta\w*|czas (?:nie)?okreslony) / },
];

/** Any word of {@link VALUE_WORDS}: phrases are spans of a folded block between spaces, so a phrase's word is one of the block's. */
const ANY_VALUE_WORD = new RegExp(`(?:^| )(?:${WORDS.map((entry) => entry.words).join('|')})(?= |$)`);
const ANY_CJK_WORD = new RegExp(CJK_WORDS.map((entry) => entry.words).join('|'));

/** "Employment type: Full-time", "Contract type: Permanent", "Vertragsart: Teilzeit", "Type de contrat : CDI", at the start of a block or after a separator. */
const LABEL =
	/(?:^|[|•·;]\s*)(?:(?:(?:employment|job|contract|position|work|worker|role|engagement|time)[\s-]*)?(?:sub[\s-]*)?(?:type|status)|schedule|commitment|vertragsart|anstellungsart|beschaftigungsart|arbeitszeit|type de contrat|type d'emploi|tipo de (?:contrato|empleo|jornada|vaga)|jornada|regime(?: de contratacao)?|dienstverband|contractvorm|tipo di contratto|art der anstellung|art der stelle|stellenart|anstellungsform|vertragsform|(?:stellen|beschaftigungs|arbeits)?umfang|anstallningsform|anstallning|omfattning|ans(?:ae|æ|a)ttelsesform|ansettelsesform|stillingstype|tyosuhde|tyoaika|היקף\s+(?:ה)?משרה|סוג\s+(?:ה)?משרה|rodzaj umowy|forma zatrudnienia|wymiar (?:pracy|etatu)|typ uvazku|druh pracovniho pomeru|foglalkoztatas jellege|cal[iı]sma sekli|тип занятости|вид занятости|занятость|тип заинятості|заинятість|雇用形態|勤務形態|고용\s*형태|근무\s*형태|工作性质|工作类型)\s*[:：]\s*([^|•·;]{1,60})/i;

/** The kinds one block of prose states about the role, given the block and its {@link fold}. */
function statedKinds(block: string, folded: string): Set<Kind> {
	const kinds = new Set<Kind>();
	// A label needs its colon (no accent decomposes into one).
	const label = /[:：]/.test(block) ? LABEL.exec(unaccented(block))?.[1] : undefined;
	if (label) for (const kind of kindsIn(fold(label), VALUE_WORDS)) kinds.add(kind);
	// A statement adds a kind only through a kind word in its phrase, or as a role that runs for weeks or months:
	// a block with neither (most prose) needs none of the statements tried.
	const kindWord = ANY_VALUE_WORD.test(folded);
	// A short line of terms alone has a kind word: most blocks are neither short nor have one, and are not decomposed for it.
	const terms = kindWord && folded.length < 60 ? TERMS_LINE.exec((isPlainProse(block) ? block : unaccented(block)).toLowerCase())?.[1] : undefined;
	if (terms) for (const kind of kindsIn(fold(terms), VALUE_WORDS)) kinds.add(kind);
	// A line of items between bars or dots, each item a term or a fact: "Standort: Osnabrück | Vollzeit | Unbefristet",
	// "📍 Magdeburg (hybrid) · 🕒 Vollzeit", "Dachau – Vollzeit, unbefristet", "Place of work: Berlin / Full-time".
	if (kindWord && !terms && folded.length < 200 && ITEM_SEPARATOR.test(block)) {
		for (const item of (isPlainProse(block) ? block : unaccented(block)).toLowerCase().split(ITEM_SEPARATOR)) {
			const term = item.length < 60 ? TERMS_LINE.exec(item.replace(/^[^\p{L}]+/u, ''))?.[1] : undefined;
			if (term) for (const kind of kindsIn(fold(term), VALUE_WORDS)) kinds.add(kind);
		}
	}
	if (!kindWord && !/ (?:weeks|months) /.test(folded) && !(CJK.test(folded) && ANY_CJK_WORD.test(folded))) return kinds;
	for (const { pattern, otherwise } of STATEMENTS) {
		const phrase = pattern.exec(folded)?.[1];
		if (!phrase) continue;
		// The phrase is narrow (kind words and a noun for the role), so value-only words ("vast contract") count in it.
		const found = kindsIn(` ${phrase.trim()} `, VALUE_WORDS);
		if (found.size === 0 && otherwise) found.add(otherwise);
		for (const kind of found) kinds.add(kind);
	}
	return kinds;
}

/**
 * Reads the employment type from a posting's title and the statements its
 * role text makes about the role: "Werkstudent (m/w/d)", "(Contract)",
 * "This is a full-time position", "seasonal role", "a fixed-term contract of
 * 6 months". Undefined when nothing is said, or what is said disagrees.
 *
 * @param blocks the text of each role paragraph or list item (not company text)
 * @param companyBlocks the company text the posting carries, read only for benefits offered to full-time employees
 * @returns the type and its evidence: the title, then each statement, one a line
 */
export function employmentFromText(title: string, blocks: readonly string[], companyBlocks: readonly string[] = []): InferredEmployment | undefined {
	const kinds = titleKinds(title);
	const evidence = kinds.size > 0 ? [title] : [];
	// Each block folded once: the benefits below read the same folds.
	const folded = blocks.map(fold);
	blocks.forEach((block, index) => {
		const stated = statedKinds(block, folded[index]!);
		if (stated.size === 0) return;
		evidence.push(block.trim());
		for (const kind of stated) kinds.add(kind);
	});
	const value = resolve(kinds);
	if (value) return { value, evidence: evidence.join('\n') };
	// The text names arrangements that disagree with the title's: the title names the role ("Pflichtpraktikum (bezahlt)
	// Content Creation" whose text offers a working student's job or freelance work afterwards).
	const named = resolve(titleKinds(title));
	if (named && ARRANGEMENTS.some((kind) => VALUE_OF[kind] === named)) return { value: named, evidence: title };
	if (kinds.size > 0) return undefined;
	// Said of nothing else, the hours an employer's benefits are for are the role's: "401k for full time employees".
	// Not where part-time employees get them too ("…for full-time employees; part-time employees get pro-rata"): both kinds are hired.
	const forFullTime = (text: string) => BENEFITS_FOR.test(text) && !/ part time /.test(text);
	const benefits = blocks.find((_, index) => forFullTime(folded[index]!)) ?? companyBlocks.find((block) => maySayFullTime(block) && forFullTime(fold(block)));
	return benefits ? { value: 'FULL_TIME', evidence: benefits.trim() } : undefined;
}

/**
 * Whether a block's fold can hold "full time" or "fulltime": always for text
 * with letters beyond ASCII (accents dropped may make them), else only when
 * the words are there with nothing but punctuation or spaces between. Company
 * blocks are read in every posting that states no kind, and most never say
 * it: each was folded, its copies made, to find nothing.
 */
function maySayFullTime(block: string): boolean {
	return !isPlainProse(block) || /full[^a-z0-9]*time/i.test(block);
}

/**
 * Benefits offered to full-time employees ("How GitLab Supports Full-Time
 * Employees", "401k for full time employees"): a weak sign, read only when the
 * title and the role text state no kind at all (a part-time or contract role
 * says so, and that statement wins).
 */
const BENEFITS_FOR = / (?:for|supports?) (?:all |our )?(?:full time|fulltime) (?:employees|team members|staff|associates) /;

/**
 * The employment type an ATS states, corrected by its title: an ATS field that
 * only states hours ("full-time", Ashby's default, or "part-time") loses to a
 * title that names an internship, a contract or a temporary role (and a
 * full-time field to a working student).
 *
 * @example
 * employmentTypeWithTitle('FullTime', 'Developer Advocate Intern') // 'INTERN'
 */
export function employmentTypeWithTitle(value: string | null | undefined, title: string | null | undefined): EmploymentType | undefined {
	const stated = employmentTypeOf(value);
	const named = resolve(titleKinds(title ?? ''));
	// Only stated hours give way, to an arrangement or a working student ("Data Science Intern", field Part-time):
	// arrangements beat hours. With no field at all, the pipeline infers from the title itself, as inferred.
	if (named && named !== stated && (stated === 'FULL_TIME' || (stated === 'PART_TIME' && named !== 'FULL_TIME'))) return named;
	return stated;
}
