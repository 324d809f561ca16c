import { Element, Text, type ChildNode, type ParentNode } from 'domhandler';
import { dropBullet, escapeHtml, hasText, isTag, outerHtml, setChildren, textContent, wrapInlineRuns } from './dom.ts';
import type { Section, SectionKind } from '../schemas/posting.ts';
import { BULLET, escapeRegExp, namesWords, slugify, squash } from './text.ts';
import { remembered } from '../utils/remembered.ts';

/** Heading text -> section kind. Order matters: "Preferred qualifications" is a nice-to-have, not a requirement. */
const KIND_PATTERNS: Array<[RegExp, SectionKind]> = [
	[/\b(bonus|nice[ -]to[ -]have|preferred|pluses|a plus|extra credit|even better)\b/i, 'nice-to-have'],
	[/\b(about (the )?(department|org|organi[sz]ation|division|group))\b/i, 'department'],
	[/\b(about (the|our|this) team|the team|meet the team|your team)\b/i, 'team'],
	[/\b(about (the )?(role|job|position|opportunity)|the (role|opportunity|position)|role (overview|summary)|job (description|summary|overview)|overview|summary)\b/i, 'role'],
	[/\b(what you('|’)?ll do|what you will do|responsibilit\w*|your (role|mission|impact)|day[ -]to[ -]day|what you('|’)?ll be doing|what you('|’)?ll work on|in this role|duties|the work|(your |key |main )?tasks|(key )?accountabilit\w*)\b/i, 'responsibilities'],
	[/\b(requirement|qualification|skills|experience|what you('|’)?ll bring|what you bring|what we('|’)?re looking for|who you are|about you|you (have|are|might be)|must[ -]have)/i, 'requirements'],
	[/\b(compensation|salary|pay( range| transparency)?|wages?)\b/i, 'compensation'],
	[/\b(equity|stock|shares)\b/i, 'equity'],
	[/\b(benefits?|perks|time off|leave|holidays|wellbeing|well-being|what we offer|why you('|’)?ll love)\b/i, 'benefits'],
	[/\b(equal (employment )?opportunity|eeo|accommodations?|legal|disclaimer|privacy notice|export control)\b/i, 'closing'],
	[/\b(about us|about the company|who we are|who are we|our (mission|story|values)|what makes .* special|why join|life at)\b/i, 'company'],
];

/** A pattern of words or phrases that stand alone (no letter on either side), in any script. */
const words = (alternatives: string): RegExp => new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'iu');

/**
 * The same kinds in the other languages postings are written in: German,
 * French, Spanish, Portuguese, Dutch, Italian, Polish, the Nordic languages,
 * Finnish, Russian, Ukrainian, Turkish, Czech, Hungarian, Romanian,
 * Indonesian, Vietnamese, Greek, Hebrew and Arabic as words, German's compounds ("Aufgabengebiet",
 * "Anforderungsprofil") by their stem, and Japanese, Korean and Chinese,
 * written without spaces, anywhere in the heading. Tried after the English
 * ones, in the same order of kinds.
 */
const OTHER_LANGUAGES: Array<[RegExp, SectionKind]> = [
	[words('wünschenswert|von vorteil|pluspunkte?|idealerweise|atouts?|(?:serait|est) un plus|un plus|deseable|se valorar[áa]|valoraremos|valorable|diferencia(?:l|is)|desej[áa]vel|pluspunten?|gewenst|costituisce un plus|gradit[oa]|mile widziane|meriterande|meriterende|(?:det er|det är) en fordel|katsotaan eduksi|eduksi'), 'nice-to-have'],
	[/歓迎|望ましい|우대|加分|尚可/u, 'nice-to-have'],
	// Russian, Ukrainian, Turkish, Czech, Hungarian, Romanian, Indonesian, Vietnamese, Greek, Hebrew and Arabic.
	[words('будет плюсом|будет преимуществом|буде плюсом|буде перевагою|tercih sebebi|výhodou|előny(?:t jelent)?|constituie un avantaj|nilai tambah|điểm cộng|ưu tiên|πλεονέκτημα|יתרון'), 'nice-to-have'],
	[words('(?:über die |die )abteilung|(?:über den )bereich|sobre el (?:departamento|área)|(?:à propos du |le )département|sobre o departamento|over de afdeling'), 'department'],
	[/部署紹介|組織紹介|配属部署|부서\s?소개|본부\s?소개|department\s?소개|部门介绍/iu, 'department'],
	[words("(?:unser|dein|ihr|das) team|(?:l['’]|notre |ton |votre )équipe|(?:el|nuestro|tu) equipo|(?:a|nossa|sua) equipe|(?:o|nosso) time|(?:het|ons|jouw) team|il (?:nostro )?team|(?:nasz |twój )?zesp[oó][lł]|teamet|om teamet|tiimi"), 'team'],
	[/チーム紹介|チームについて|팀\s?소개|团队介绍/u, 'team'],
	[words('о команде|наша команда|про команду|ekibimiz|o týmu|náš tým|csapatunk|echipa noastră|tim kami|về đội ngũ|đội ngũ|η ομάδα μας|הצוות'), 'team'],
	[
		words(
			'(?:über die |die |deine |ihre )(?:rolle|stelle|position)|stellenbeschreibung|jobbeschreibung|(?:le|à propos du|description du|ton|votre) poste|(?:el|sobre el|tu|acerca del) (?:puesto|rol|cargo|trabajo)|descripci[óo]n del (?:puesto|cargo|empleo)|(?:a|sobre a) (?:vaga|posi[çc][ãa]o)|(?:o|sobre o) (?:cargo|papel)|descri[çc][ãa]o da vaga|(?:de|over de) (?:functie|rol|vacature)|functieomschrijving|(?:il|sul) ruolo|descrizione del (?:ruolo|lavoro|posto)|la posizione|o stanowisku|opis stanowiska|om (?:rollen|tjänsten|jobbet|stillingen)|tehtävänkuva',
		),
		'role',
	],
	[/仕事の?内容|職務内容|ポジション概要|職務概要|募集背景|직무\s?소개|포지션\s?소개|职位描述|岗位介绍|职位介绍/u, 'role'],
	[
		words(
			'о (?:роли|позиции|вакансии)|описание вакансии|про (?:роль|вакансію)|опис вакансії|iş tanımı|pozisyon hakkında|o pozici|popis pozice|a pozícióról|despre rol|descrierea postului|deskripsi pekerjaan|tentang posisi|mô tả công việc|περιγραφή (?:θέσης|εργασίας)|תיאור (?:ה)?משרה|الوصف الوظيفي|وصف الوظيفة',
		),
		'role',
	],
	[
		words(
			'\\p{L}*aufgaben\\p{L}*|was (?:dich|sie) erwartet|das erwartet (?:dich|sie)|dein job|deine mission|t[äa]tigkeiten|(?:tes |vos |les )?(?:principales )?missions|responsabilit[ée]s|ce que (?:tu feras|vous ferez)|(?:ton|votre) quotidien|au quotidien|responsabilidades|funciones|(?:tus|las) tareas|qu[ée] har[áa]s|tu d[ií]a a d[ií]a|atividades|atribui[çc][õo]es|o que (?:voc[êe] )?(?:far[áa]|vai fazer)|seu dia a dia|(?:jouw |je |de )?taken|verantwoordelijkheden|wat ga je doen|wat je gaat doen|responsabilit[àa]|mansioni|cosa farai|(?:twoje )?zadania|zakres obowi[aą]zk[oó]w|obowi[aą]zki|arbetsuppgifter|ansvarsomr[åa]den|(?:dine )?opgaver|arbeidsoppgaver|oppgaver|ansvarsomr[åa]der|teht[äa]v[äa]t|vastuut',
		),
		'responsibilities',
	],
	[/業務内容|担当業務|主な業務|具体的な業務|담당\s?업무|주요\s?업무|하는\s?일|岗位职责|工作职责|工作内容/u, 'responsibilities'],
	[
		words(
			"обязанности|задачи|чем (?:предстоит|вы будете|ты будешь) заниматься|что (?:нужно|предстоит) делать|обов['’ʼ]?язки|завдання|sorumluluklar|görevler|náplň práce|co (?:budeš|budete) dělat|feladatok|feladataid|responsabilit[ăa][țţt]i|atribu[țţt]ii|tanggung jawab|trách nhiệm|nhiệm vụ|αρμοδιότητες|καθήκοντα|תחומי אחריות|המשימות|المسؤوليات|المهام",
		),
		'responsibilities',
	],
	[
		words(
			'(?:dein|ihr|euer) profil|anforderung\\p{L}*|qualifikation(?:en)?|voraussetzungen|das bringst du mit|was du mitbringst|was sie mitbringen|das bringen sie mit|was wir (?:von dir |von ihnen )?erwarten|kenntnisse|(?:ton|votre|le) profil|profil recherch[ée]|comp[ée]tences(?: requises)?|pr[ée]requis|exigences|requisitos|(?:tu|el|seu|o) perfil|perfil (?:buscado|deseado)|lo que buscamos|qu[ée] buscamos|o que (?:buscamos|procuramos|esperamos)|qualifica[çc][õo]es|(?:jouw|je|het) profiel|functie[- ]?eisen|wat (?:vragen wij|breng je mee|wij vragen)|wie ben (?:jij|je)|vereisten|kwalificaties|requisiti|(?:il tuo )?profilo|cosa cerchiamo|competenze|wymagania|(?:tw[oó]j|nasz) profil|(?:czego )?oczekujemy|kwalifikacje|kvalifikationer|kvalifikasjoner|(?:din|om dig) profil|vem [äa]r du|hvem er du|vi s[öo]ker dig som|vi ser etter|vaatimukset|(?:mit[äa] )?odotamme|osaaminen',
		),
		'requirements',
	],
	[/応募資格|必須(?:スキル|要件|条件)|必要な?(?:条件|経験|スキル|資格)|求める人物像|応募条件|자격\s?요건|지원\s?자격|任职要求|任职资格|岗位要求/u, 'requirements'],
	[
		words(
			'требования|наши ожидания|(?:мы )?ожидаем|вимоги|(?:ми )?очікуємо|aranan nitelikler|gereksinimler|nitelikler|požadujeme|požadavky|co očekáváme|elvárások|amit elvárunk|követelmények|cerin[țţt]e|kualifikasi|persyaratan|yêu cầu|απαιτήσεις|προσόντα|דרישות(?: התפקיד)?|المتطلبات|المؤهلات',
		),
		'requirements',
	],
	[words('\\p{L}*gehalt|verg[üu]tung|r[ée]mun[ée]ration|salaire|salario|retribuci[óo]n|sal[áa]rio|remunera[çc][ãa]o|salaris|retribuzione|wynagrodzenie|l[öø]nn?|palkka'), 'compensation'],
	[/給与|年収|연봉|급여|薪资|薪酬/u, 'compensation'],
	[words('зарплата|заработная плата|заробітна плата|maaş|mzda|fizetés|salariu|gaji|lương|μισθός|שכר|الراتب'), 'compensation'],
	[
		words(
			'wir bieten|was wir (?:dir |ihnen )?bieten|das bieten wir|unser angebot|(?:deine|ihre) vorteile|vorteile|was dich bei uns erwartet|ce que nous (?:offrons|proposons)|nous (?:offrons|proposons)|avantages|(?:qu[ée] )?(?:te )?ofrecemos|beneficios|ventajas|(?:o que )?oferecemos|benef[ií]cios|vantagens|wat (?:wij|we) (?:jou )?bieden|wat bieden (?:wij|we)|(?:wij|we) bieden|pourquoi nous rejoindre|arbeidsvoorwaarden|ons aanbod|(?:cosa )?offriamo|vantaggi|(?:co )?oferujemy|benefity|co zyskasz|(?:vad )?vi erbjuder|f[öo]rm[åa]ner|(?:hvad )?vi tilbyder|(?:hva )?vi tilbyr|(?:mit[äa] )?tarjoamme|edut',
		),
		'benefits',
	],
	[/福利厚生|待遇|休日|休暇|혜택|복지|福利/u, 'benefits'],
	[
		words(
			'(?:мы )?предлагаем|условия(?: работы)?|(?:ми )?пропонуємо|умови(?: роботи)?|neler sunuyoruz|yan haklar|co nabízíme|nabízíme|výhody|amit kínálunk|juttatások|ce oferim|beneficii|(?:yang )?kami tawarkan|quyền lợi|phúc lợi|προσφέρουμε|παροχές|(?:אנחנו )?מציעים|הטבות|المزايا|ما نقدمه',
		),
		'benefits',
	],
	[words('chancengleichheit|gleichbehandlung|datenschutz(?:hinweis\\p{L}*)?|[ée]galit[ée] des chances|igualdad de oportunidades|igualdade de oportunidades|gelijke kansen|pari opportunit[àa]'), 'closing'],
	[
		words(
			"[üu]ber uns|wer wir sind|wir sind|das unternehmen|unternehmensprofil|[àa] propos de nous|qui sommes[- ]nous|(?:l['’])?entreprise|notre (?:entreprise|soci[ée]t[ée]|histoire)|sobre nosotros|qui[ée]nes somos|(?:la|nuestra) empresa|acerca de nosotros|sobre n[óo]s|quem somos|(?:a|nossa) empresa|over ons|wie (?:zijn wij|we zijn)|het bedrijf|chi siamo|su di noi|(?:l['’])?azienda|o nas|kim jeste[sś]my|o firmie|om oss|om os|om f[öo]retaget|om virksomheden|om selskapet|mei[äa]st[äa]|yrityksest[äa]",
		),
		'company',
	],
	[/会社概要|会社紹介|私たちについて|企業紹介|회사\s?소개|公司介绍|关于我们|公司简介/u, 'company'],
	[
		words(
			'о (?:компании|нас)|про (?:компанію|нас)|hakkımızda|şirket hakkında|o společnosti|rólunk|a cégről|despre noi|despre companie|tentang kami|tentang perusahaan|về chúng tôi|về công ty|σχετικά με εμάς|η εταιρεία|אודות(?: החברה)?|עלינו|عن الشركة|من نحن',
		),
		'company',
	],
];

/** Classifies a heading into a section kind; `other` when nothing matches. */
export function classifyHeading(title: string, companyName?: string): SectionKind {
	// Postings repeat their headings ("Responsibilities", "Dein Profil"): each is classified once a run.
	return HEADING_KINDS(`${companyName ?? ''}\0${title}`, () => {
		if (companyName && aboutCompany(companyName).test(title)) return 'company';
		return (KIND_PATTERNS.find(([pattern]) => pattern.test(title)) ?? OTHER_LANGUAGES.find(([pattern]) => pattern.test(title)))?.[1] ?? 'other';
	});
}
const HEADING_KINDS = remembered<SectionKind>(20_000);

/** "About <Company>", in the languages above ("Über", "Sobre", "À propos de", "Om"…), compiled once per company name rather than per heading. */
function aboutCompany(companyName: string): RegExp {
	let pattern = ABOUT_COMPANY.get(companyName);
	if (!pattern) {
		pattern = new RegExp(`^(?:about|über|uber|sobre|[àa] propos de|acerca de|over|om|o|chi è|su|meet) ${escapeRegExp(companyName)}(?![\\p{L}\\p{N}])`, 'iu');
		ABOUT_COMPANY.set(companyName, pattern);
	}
	return pattern;
}
const ABOUT_COMPANY = new Map<string, RegExp>();

const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const MAX_HEADING_LENGTH = 120;

/**
 * Whether a top-level block acts as a heading: a real heading element, or a
 * paragraph whose only content is bold text (how most ATS editors "make" headings).
 * Returns the heading's text and a depth (1-6; bold paragraphs count as 6, the weakest).
 */
export function headingOf(element: Element): { text: string; depth: number } | undefined {
	const isHeading = HEADING_TAGS.has(element.tagName);
	// The shape decides first: most blocks are plain paragraphs and lists, whose text need not be read.
	if (!isHeading) {
		if (element.tagName !== 'p') return undefined;
		const meaningful = meaningfulChildren(element);
		const only = meaningful.length === 1 ? meaningful[0]! : undefined;
		if (only instanceof Text) return capitalsHeading(only.data) ?? labelHeading(only.data);
		// Bold throughout: one run, runs an editor split ("<strong>Requirements</strong><strong>:</strong>"), or a run in
		// emphasis ("<em><strong>Benefits</strong></em>").
		if (meaningful.length === 0 || !meaningful.every(isBold)) return undefined;
	}
	// A line break parts words, as on the page ("開催日時：<br>9月9日", Eureka's heading): the heading is written again from
	// this text, so a break that parted nothing here would join its words for good.
	const text = squash(textContent(element, ' ')).replace(/:$/, '').trim();
	if (text === '' || text.length > MAX_HEADING_LENGTH) return undefined;
	if (isHeading) return { text, depth: Number(element.tagName[1]) };
	// A bold sentence is emphasis, not a heading; so is a quotation (KPMG New Zealand's motto, in quotes, ends its text).
	if ((/[.!]$/.test(text) && text.split(' ').length > 8) || QUOTED.test(text)) return undefined;
	// A requisition code or a figure alone ("FEQ327R203") heads nothing; an `<h2>` is a heading whatever it says.
	if (!namesWords(text)) return undefined;
	return { text, depth: 6 };
}

/** Text in quotation marks from end to end: "“Fuelling prosperity for New Zealand”", „…“, «…». */
const QUOTED = /^["“”„«»‘'].*["“”«»’']$/su;

/**
 * A short paragraph in capitals alone, as postings pasted from plain text
 * make headings ("ABOUT THE ROLE", "RESPONSIBILITIES:"): a heading of the
 * weakest depth. Not a sentence ("WE ARE HIRING!"), nor an item of a list
 * ("+10% IFM + 10% CP,", a French agency's benefits line by line), and not a
 * script with no capitals (its text is its own upper case).
 */
function capitalsHeading(data: string): { text: string; depth: number; capitals: string } | undefined {
	const text = shortLine(data);
	if (text === undefined || text.replace(/[^\p{L}]/gu, '').length < 4 || text !== text.toUpperCase() || text === text.toLowerCase() || /[.!?,;]$/.test(text) || !namesWords(text)) return undefined;
	return { text, depth: 6, capitals: squash(data) };
}

/** A line of plain text short enough to head a section (60 characters, six words), without the colon it may end with. */
function shortLine(data: string): string | undefined {
	if (data.length > 60) return undefined;
	const text = squash(data).replace(/[:：]$/, '').trim();
	return text.split(' ').length > 6 ? undefined : text;
}

/**
 * A short line of plain text that names a section of a known kind and ends
 * with a colon, as postings pasted from plain text head their lists
 * ("Requirements:", "What we offer:", "Preferred Candidate Profile:"). Not a
 * lead-in of no kind ("Strong understanding of:", "We are:"), which stays the
 * paragraph before its list.
 */
function labelHeading(data: string): { text: string; depth: number } | undefined {
	const text = /[:：]\s*$/.test(data) ? shortLine(data) : undefined;
	if (text === undefined || LEAD_IN.test(text) || classifyHeading(text) === 'other') return undefined;
	return { text, depth: 6 };
}

/** A sentence's start that leads into a list ("Other responsibilities include:", "Tus responsabilidades incluyen:"). */
const LEAD_IN = /(?:^|\s)(?:includes?|including|incluent|incluyen|incluem|umfassen|are|is|will be|such as|as|of|to|for|with|like)$/i;

/** A paragraph's children but for white space and line breaks. */
function meaningfulChildren(element: Element): ChildNode[] {
	return element.children.filter((node) => !(node instanceof Text && node.data.trim() === '') && !(node instanceof Element && node.tagName === 'br'));
}

/** Whether a node is bold text: a `<strong>`, or emphasis holding bold text alone. */
function isBold(node: ChildNode): boolean {
	if (!(node instanceof Element)) return false;
	if (node.tagName === 'strong') return true;
	if (node.tagName !== 'em') return false;
	const inner = meaningfulChildren(node);
	return inner.length > 0 && inner.every(isBold);
}

/** Top-level children of a fragment, with loose inline content wrapped in paragraphs. */
export function topLevelBlocks(root: ParentNode): Element[] {
	wrapInlineRuns(root);
	return root.children.filter((node): node is Element => node instanceof Element);
}

const BR = new Set(['br']);

/**
 * The lines of a paragraph, cut at every `<br>`, however deep. An element a
 * break cuts keeps its start in the line before and ends there; the rest of
 * its content continues the next line unwrapped, as a browser reads the HTML
 * of each line on its own.
 */
function linesOf(paragraph: Element): ChildNode[][] {
	const lines: ChildNode[][] = [[]];
	let open: Element[] = [];
	const append = (node: ChildNode) => {
		const parent = open.at(-1);
		if (parent) parent.children.push(node);
		else lines.at(-1)!.push(node);
	};
	const visit = (node: ChildNode) => {
		if (node instanceof Element && node.tagName === 'br') {
			lines.push([]);
			open = [];
		} else if (node instanceof Text) {
			append(new Text(node.data));
		} else if (node instanceof Element) {
			const copy = new Element(node.tagName, { ...node.attribs });
			append(copy);
			open.push(copy);
			for (const child of node.children) visit(child);
			const at = open.indexOf(copy);
			if (at !== -1) open = open.slice(0, at);
			setChildren(copy, [...copy.children]);
		}
	};
	for (const child of paragraph.children) visit(child);
	return lines.map((line) => {
		// Spaces at the very edges of a line are the break's, not the words'.
		const first = line[0];
		if (first instanceof Text) first.data = first.data.replace(/^[ \t\n\f\r]+/, '');
		const last = line.at(-1);
		if (last instanceof Text) last.data = last.data.replace(/[ \t\n\f\r]+$/, '');
		return line.filter((node) => !(node instanceof Text && node.data === ''));
	});
}

/**
 * Paragraphs that use `<br>` as a list separator become real lists; paragraphs
 * that use it between whole sentences become separate paragraphs.
 */
function splitBrParagraph(paragraph: Element): Element[] {
	if (!paragraph.children.some((child) => isTag(child, BR))) return leadHeading(paragraph);
	const all = linesOf(paragraph);
	const texts = all.map((line) => squash(textContent(line)));
	const lines = all.filter((_, index) => texts[index] !== '');
	const said = texts.filter((text) => text !== '');
	if (lines.length < 2) return [paragraph];
	const wrap = (tag: string, children: ChildNode[]) => {
		const element = new Element(tag, {});
		setChildren(element, children);
		return element;
	};
	// "<strong>Requirements</strong><br>- 3 years of Go<br>- Kubernetes": a bold first line is the heading of the lines
	// after it, and so is a plain label of a known kind ("Requirements:<br>- Go").
	const [first] = lines;
	const [lead] = first!;
	if (first!.length === 1 && (isTag(lead, STRONG) || (lead instanceof Text && labelHeading(lead.data)))) return [wrap('p', first!), ...splitLines(lines.slice(1), said.slice(1), wrap)];
	return splitLines(lines, said, wrap);
}
const STRONG = new Set(['strong']);


/**
 * Lines of one paragraph as a list, when every line is an item (short, no
 * stop at its end, or each typed with a bullet, which the list then draws),
 * else as paragraphs.
 */
function splitLines(lines: ChildNode[][], texts: string[], wrap: (tag: string, children: ChildNode[]) => Element): Element[] {
	const bulleted = texts.length > 1 && texts.every((text) => BULLET.test(text));
	const isList = bulleted || texts.every((line) => !/[.!?:]$/.test(line) && line.length <= 300);
	if (lines.length === 1 || !isList) return lines.map((line) => wrap('p', line));
	if (bulleted) for (const line of lines) dropBullet(line);
	return [wrap('ul', lines.map((line) => wrap('li', line)))];
}

/**
 * A paragraph that opens with a bold heading of a known kind and goes on
 * with its text ("<b>What you'll do:</b> Build the payments platform…"): the
 * heading and a paragraph of the rest, so the section is told by its kind.
 * Any other paragraph as it is.
 */
function leadHeading(paragraph: Element): Element[] {
	const [lead] = paragraph.children;
	if (!isTag(lead, STRONG) || paragraph.children.length < 2) return [paragraph];
	const label = squash(textContent(lead));
	const after = paragraph.children[1];
	const colon = label.endsWith(':') || (after instanceof Text && /^\s*:/.test(after.data));
	const rest = paragraph.children.slice(1);
	// Decided before anything is moved: a label with nothing after it stays the paragraph it was.
	if (!colon || label.length > 60 || !rest.some(hasText) || classifyHeading(label.replace(/:$/, '')) === 'other') return [paragraph];
	if (rest[0] instanceof Text) rest[0].data = rest[0].data.replace(/^\s*:?\s*/, '');
	const heading = new Element('p', {});
	setChildren(heading, [lead]);
	const body = new Element('p', {});
	setChildren(body, rest.filter((node) => !(node instanceof Text && node.data === '')));
	return [heading, body];
}

/** Options for {@link structureBody}. */
export interface StructureOptions {
	/** Used to recognise "About <Company>" headings. */
	companyName?: string | undefined;
	/** Ids already used on the page, so section ids never collide with them. */
	reservedIds?: Iterable<string>;
}

/** A section of the role text, with what later stages read from it. */
export interface ReadSection extends Section {
	/** Its plain text, whitespace collapsed. */
	text: string;
	/** The text of each paragraph and list item, in order. */
	paragraphs: string[];
}

/**
 * What {@link sectionsOf} needs of one block of role text: a heading, or
 * content with its HTML, its text and the text of its paragraphs and list
 * items. Read from the tree once, so the tree need not be kept until the
 * sections are made.
 */
export type BlockPart = { heading: { text: string; depth: number; capitals?: string } } | { html: string; text: string; paragraphs: string[] };

/** The elements a top-level block stands for: a paragraph that uses `<br>` between items or sentences is several. */
export function blockElements(block: Element): Element[] {
	return block.tagName === 'p' ? splitBrParagraph(block) : [block];
}

/** What {@link sectionsOf} reads of one of {@link blockElements}. */
export function partOf(element: Element): BlockPart {
	const heading = headingOf(element);
	if (heading && !applyLink(element, heading.text)) return { heading };
	// A link to apply set as a heading ("<h3><a>Apply here.</a></h3>", Anthropic's Fellows posting) names no section:
	// it is a line of the section it ends, with its link.
	if (heading) return { html: `<p>${outerHtml(element.children)}</p>`, text: heading.text, paragraphs: [heading.text] };
	// A heading element too long to be one holds a paragraph (Databricks sets a role's whole description in an
	// <h4>): shown and read as one, not as a heading of three hundred characters.
	if (HEADING_TAGS.has(element.tagName) && hasText(element)) element.tagName = 'p';
	return { html: outerHtml(element), ...textAndParagraphs(element) };
}

/** A call to apply, in the languages postings use: "Apply here.", "Click here to apply", "Postuler", "Jetzt bewerben". */
const APPLY = /^(?:click\s+here\s+to\s+apply|apply\s+(?:here|now|today|online)|apply\s+for\s+this\s+(?:job|role|position)|postuler(?:\s+(?:ici|maintenant))?|(?:jetzt|hier)\s+bewerben|candidate-se(?:\s+aqui)?|post[uú]late(?:\s+aqu[ií])?|aplica\s+(?:aqu[ií]|ahora)|solliciteer(?:\s+nu)?|candidati(?:\s+ora)?)[.!]?$/i;

/** Whether a heading is a link to apply, and nothing else: its text a call to apply, all of it inside one link. */
function applyLink(element: Element, text: string): boolean {
	if (!APPLY.test(text)) return false;
	const links = element.children.filter((child) => child instanceof Element || (child instanceof Text && child.data.trim() !== ''));
	return links.length === 1 && links[0] instanceof Element && (links[0].tagName === 'a' || links[0].children.some((child) => child instanceof Element && child.tagName === 'a'));
}

const isParagraph = (element: Element) => element.tagName === 'p' || element.tagName === 'li';

/**
 * An element's text and the text of each paragraph and list item in it
 * (itself included), in document order, read in one walk. The paragraphs
 * are slices of the one text, so V8 keeps them as views of it rather than
 * copies: the texts of thousands of postings are held at once.
 */
function textAndParagraphs(element: Element): { text: string; paragraphs: string[] } {
	// Most blocks are a paragraph or item holding one run of text: that text is all there is to read.
	const [only] = element.children;
	if (element.children.length === 1 && only instanceof Text) return { text: only.data, paragraphs: isParagraph(element) ? [only.data] : [] };
	const pieces: string[] = [];
	let length = 0;
	// Start and end offsets of each paragraph, in the order its element opens.
	const ranges: number[] = [];
	// A space goes between a paragraph or item and the text after it: a list's items are words apart, not run together.
	let apart = false;
	const space = () => {
		if (apart) {
			pieces.push(' ');
			length += 1;
			apart = false;
		}
	};
	const walk = (node: Element) => {
		const paragraph = isParagraph(node);
		if (paragraph) space();
		const slot = paragraph ? ranges.push(length, length) - 1 : undefined;
		for (const child of node.children) {
			if (child instanceof Text) {
				space();
				pieces.push(child.data);
				length += child.data.length;
			} else if (child instanceof Element) walk(child);
		}
		if (slot !== undefined) {
			ranges[slot] = length;
			apart = true;
		}
	};
	walk(element);
	const text = pieces.join('');
	const paragraphs: string[] = [];
	for (let index = 0; index < ranges.length; index += 2) paragraphs.push(text.slice(ranges[index], ranges[index + 1]));
	return { text, paragraphs };
}

/**
 * Splits the sanitized body's top-level blocks into named sections with one
 * consistent heading hierarchy: each section has an `h2` title (rendered by
 * the page) and its sub-sections become `h3` with stable ids.
 *
 * A heading starts a new section when it names a different kind of section or
 * when the source marked it up more prominently than the current one. A heading
 * of the same kind ("Financial Benefits" under "Benefits") or of no known kind
 * ("Time Off") becomes a sub-section. ATS editors mix `h4` and bold paragraphs
 * freely, so markup depth alone decides nothing.
 */
export function structureBody(blocks: readonly Element[], options: StructureOptions = {}): ReadSection[] {
	return sectionsOf(blocks.flatMap(blockElements).map(partOf), options);
}

/** {@link structureBody} from the parts its blocks were read into ({@link blockElements}, {@link partOf}), in order. */
export function sectionsOf(parts: readonly BlockPart[], options: StructureOptions = {}): ReadSection[] {
	const used = new Set(options.reservedIds ?? []);
	// The number each base's next id is tried from: every one below it is taken (ids are never given back), so a
	// posting repeating one heading thousands of times does not count up from 2 for each.
	const counts = new Map<string, number>();
	const uniqueId = (text: string) => {
		const base = slugify(text) || 'section';
		let id = base;
		let n = counts.get(base) ?? 2;
		if (used.has(id)) for (id = `${base}-${n}`; used.has(id); id = `${base}-${++n}`);
		counts.set(base, n);
		used.add(id);
		return id;
	};

	interface Draft {
		title?: string;
		kind: SectionKind;
		depth: number;
		id: string;
		/** HTML of each part, its text, and the paragraphs and list items in it. */
		parts: Array<{ html: string; text: string; paragraphs: string[] }>;
	}
	const sections: Draft[] = [];
	let current: Draft | undefined;
	// Lines in capitals head sections where the posting heads its sections so ("ABOUT THE ROLE", "REQUIREMENTS"): one
	// of them names a known kind. Else they are its text, typed in capitals ("SUR VIRIAT", "LE LUNDI MERCREDI ET
	// VENDREDI": when and where a cleaner works, on France Travail, were two headings).
	const capitalsHead = parts.some((part) => 'heading' in part && part.heading.capitals !== undefined && classifyHeading(part.heading.text, options.companyName) !== 'other');

	for (const read of parts) {
		const capitals = 'heading' in read && !capitalsHead ? read.heading.capitals : undefined;
		const part: BlockPart = capitals === undefined ? read : { html: `<p>${escapeHtml(capitals)}</p>`, text: capitals, paragraphs: [capitals] };
		if (!('heading' in part)) {
			if (!current) {
				current = { kind: 'role', depth: 7, id: uniqueId('overview'), parts: [] };
				sections.push(current);
			}
			current.parts.push(part);
			continue;
		}
		const { heading } = part;
		const kind = classifyHeading(heading.text, options.companyName);
		const isSub =
			current !== undefined &&
			current.title !== undefined &&
			heading.depth >= current.depth &&
			(kind === current.kind || (kind === 'other' && current.kind !== 'other'));
		if (isSub && current) {
			// Its text is read like a paragraph's: a heading may state the pay ("Compensation Range: $240k - $260K").
			current.parts.push({ html: `<h3 id="${uniqueId(heading.text)}">${escapeHtml(heading.text)}</h3>`, text: heading.text, paragraphs: [heading.text] });
			continue;
		}
		current = { title: heading.text, kind, depth: heading.depth, id: uniqueId(heading.text), parts: [] };
		sections.push(current);
	}

	return sections
		.filter((section) => section.title !== undefined || section.parts.length > 0)
		.map((section) => ({
			id: section.id,
			...(section.title === undefined ? {} : { title: section.title }),
			kind: section.kind,
			html: section.parts.map((part) => part.html).join('\n'),
			// Joined by a space, not a line break: squash makes either one space, and text with no loose space is kept as it is, not copied.
			text: squash(section.parts.map((part) => part.text).join(' ')),
			paragraphs: section.parts.flatMap((part) => part.paragraphs),
		}));
}
