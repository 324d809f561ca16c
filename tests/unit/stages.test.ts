import { describe, expect, it } from 'vitest';
import { readPosting } from '../../src/sources/posting-file.ts';
import { sanitizeHtml } from '../../src/postings/sanitize.ts';
import { stripTracking } from '../../src/postings/tracking.ts';
import { parsePlace, splitPlaces, locationLine } from '../../src/postings/locations.ts';
import { extractPayRanges } from '../../src/postings/compensation.ts';
import { blockElements, classifyHeading, partOf, sectionsOf, structureBody, topLevelBlocks } from '../../src/postings/structure.ts';
import { outerHtml, parseFragment } from '../../src/postings/dom.ts';
import {
	blockKey,
	candidateKeys,
	candidatesOf,
	companyBlock,
	companyHtml,
	companyHtmlOf,
	RepeatTally,
	makeCompanyBlocks,
	splitCompanyBlocks,
	isLegalText,
} from '../../src/postings/boilerplate.ts';
import { inferDepartment, inferTeam, titleFromAnchors, titleFromProse } from '../../src/postings/infer.ts';
import { normalizePostings } from '../../src/postings/normalize.ts';
import { realBoards, site, TODAY } from './helpers.ts';

describe('read', () => {
	it('splits front matter from the HTML and keeps the HTML unchanged', () => {
		const raw = readPosting({ kind: 'file', path: 'content/postings/x.html' }, '---\ntitle: Data Engineer\nemploymentType: Full-time\n---\n<p>Hi&nbsp;there</p>\n');
		expect(raw.frontMatter).toEqual({ title: 'Data Engineer', employmentType: 'FULL_TIME', status: 'open', formerSlugs: [] });
		expect(raw.html).toBe('<p>Hi&nbsp;there</p>\n');
		expect(raw.name).toBe('x');
	});

	it('treats a file without front matter as all HTML', () => {
		expect(readPosting({ kind: 'file', path: 'a.html' }, '<p>x</p>').frontMatter).toEqual({ status: 'open', formerSlugs: [] });
	});

	it('accepts structured and phrase locations and normalises dates', () => {
		const raw = readPosting({ kind: 'file', path: 'a.html' }, '---\ndatePosted: 2026-03-01\nlocations:\n  - Lisbon, Portugal\n  - { country: us, remote: true }\n---\n<p>x</p>');
		expect(raw.frontMatter.datePosted).toBe('2026-03-01');
		expect(raw.frontMatter.locations).toEqual(['Lisbon, Portugal', { country: 'US', remote: true }]);
	});
});

describe('sanitize', () => {
	it('drops styles, classes, data attributes and presentational spans', () => {
		const { html } = sanitizeHtml('<p class="x" style="color:red" data-sheets-value="137000"><span style="font-weight:400">Hello</span>&nbsp;&nbsp; world&nbsp;</p>');
		expect(html).toBe('<p>Hello world</p>');
	});

	it('removes text the ATS hid instead of revealing it', () => {
		const { html, report } = sanitizeHtml('<p>Pay: $100<span style="display:none">999</span></p><p hidden>secret</p>');
		expect(html).toBe('<p>Pay: $100</p>');
		expect(report.hiddenRemoved).toBe(2);
	});

	it("drops LinkedIn's job tags, alone or ending a paragraph, and leaves other hashes be", () => {
		const { html, report } = sanitizeHtml(
			'<p>We build things.</p><p>#LI-Remote</p><ul><li>#LIRemote</li><li>#LI-LT1</li></ul><p><strong>#LI-MidSenior</strong></p><p>Read our <a href="https://example.com/p">policy</a>. #LI-Onsite</p><p>C#LINQ, #LIFE and #LI are words.</p>',
		);
		expect(html).toBe('<p>We build things.</p><p>Read our <a href="https://example.com/p" rel="noopener noreferrer">policy</a>.</p><p>C#LINQ, #LIFE and #LI are words.</p>');
		expect(report.tagsRemoved).toEqual(['#LI-Remote', '#LIRemote', '#LI-LT1', '#LI-MidSenior', '#LI-Onsite']);
	});

	it("leaves no job tag on the pages of the real corpus, where 18 of 165 postings had one (Notion's after a link, Veeva's as a heading)", () => {
		const postings = realBoards().flatMap((board) => normalizePostings(board.files, site, { today: TODAY }).postings);
		expect(postings).toHaveLength(165);
		expect(postings.filter((posting) => posting.notes.tagsRemoved.length > 0)).toHaveLength(18);
		for (const posting of postings) for (const section of posting.sections) expect(section.html).not.toMatch(/#LI-|#LIRemote/);
	});

	it('strips tracking parameters and marks external links', () => {
		const { html, report } = sanitizeHtml(
			'<p><a href="https://example.com/a?utm_source=x&id=7&gclid=abc">a</a> <a href="https://careers.example.com/jobs/">b</a></p>',
			'https://careers.example.com/',
		);
		expect(html).toBe('<p><a href="https://example.com/a?id=7" rel="noopener noreferrer">a</a> <a href="https://careers.example.com/jobs/">b</a></p>');
		expect(report.trackingRemoved).toEqual(['utm_source', 'gclid']);
	});

	it('keeps the words of a link whose URL was unsafe', () => {
		expect(sanitizeHtml('<p><a href="javascript:alert(1)">click</a></p>').html).toBe('<p>click</p>');
	});

	it('unwraps wrapper divs and removes empty elements', () => {
		expect(sanitizeHtml('<div><div><p>One</p></div><div>Two</div><p><strong> </strong></p></div>').html).toBe('<p>One</p><p>Two</p>');
		// A paragraph of a zero-width space alone (pasted from an editor) is empty too: before, it stayed, a blank line on the page.
		expect(sanitizeHtml('<p>&#8203;</p><p>\u200d\u2060</p><p>Real</p>').html).toBe('<p>Real</p>');
	});

	it('removes the click ids of search, social and email tools, and the ATSs\' source tags', () => {
		// Before: all kept.
		expect(stripTracking('https://example.com/blog?srsltid=AfmBOo&mkt_tok=NzQ1&id=3')).toEqual({ href: 'https://example.com/blog?id=3', removed: ['srsltid', 'mkt_tok'] });
		expect(stripTracking('https://boards.greenhouse.io/acme/jobs/123?gh_src=abc&gh_jid=123').href).toBe('https://boards.greenhouse.io/acme/jobs/123?gh_jid=123');
		expect(stripTracking('https://jobs.lever.co/acme/1?lever-source=LinkedIn&lever-origin=applied').href).toBe('https://jobs.lever.co/acme/1');
		expect(stripTracking('https://www.linkedin.com/company/acme?trk=public_jobs&trackingId=x').href).toBe('https://www.linkedin.com/company/acme');
	});

	it('leaves links without tracking parameters alone', () => {
		expect(stripTracking('https://example.com/path?page=2#top')).toEqual({ href: 'https://example.com/path?page=2#top', removed: [] });
		expect(stripTracking('mailto:jobs@example.com')).toEqual({ href: 'mailto:jobs@example.com', removed: [] });
	});
});

describe('locations', () => {
	it('finds location lines', () => {
		expect(locationLine('Available Locations: Austin, Texas | Lisbon, Portugal')).toBe('Austin, Texas | Lisbon, Portugal');
		expect(locationLine('Location: Remote (US)')).toBe('Remote (US)');
		expect(locationLine('About the locations we love')).toBeUndefined();
	});

	it('splits lists on the separators ATS exports use, not on commas', () => {
		expect(splitPlaces('Austin, Texas | Lisbon, Portugal; London or Remote UK')).toEqual(['Austin, Texas', 'Lisbon, Portugal', 'London or Remote UK']);
	});

	it.each([
		['Austin, Texas', { city: 'Austin', region: 'TX', country: 'US', remote: false, label: 'Austin, Texas' }],
		['San Francisco, CA', { city: 'San Francisco', region: 'CA', country: 'US', remote: false, label: 'San Francisco, California' }],
		['Toronto, ON, Canada', { city: 'Toronto', region: 'ON', country: 'CA', remote: false, label: 'Toronto, Ontario' }],
		['London, United Kingdom', { city: 'London', country: 'GB', remote: false, label: 'London, United Kingdom' }],
		['Amsterdam or Remote Netherlands', { city: 'Amsterdam', country: 'NL', remote: true, label: 'Amsterdam, Netherlands or remote' }],
		['London or Remote UK', { city: 'London', country: 'GB', remote: true, label: 'London, United Kingdom or remote' }],
		['Remote - US', { country: 'US', remote: true, label: 'Remote, United States' }],
		['Remote (Canada)', { country: 'CA', remote: true, label: 'Remote, Canada' }],
		['Germany (Remote)', { country: 'DE', remote: true, label: 'Remote, Germany' }],
		['Portugal', { country: 'PT', remote: false, label: 'Portugal' }],
		['Paris', { city: 'Paris', country: 'FR', remote: false, label: 'Paris, France' }],
	])('parses %s', (phrase, expected) => {
		const parsed = parsePlace(phrase);
		expect(parsed.ok).toBe(true);
		if (parsed.ok) expect(parsed.location).toMatchObject(expected);
	});

	it('refuses places it cannot place rather than guessing', () => {
		expect(parsePlace('Somewhere Unknownville')).toEqual({ ok: false, reason: expect.stringContaining('Somewhere Unknownville') });
	});

	it('resolves an ambiguous name by population but says it is ambiguous, and reads "Remote" alone as anywhere', () => {
		const springfield = parsePlace('Springfield');
		expect(springfield.ok && [springfield.location.id, springfield.location.evidence]).toEqual([
			'springfield-massachusetts',
			'Springfield: ambiguous, the most populous of 11 places of that name (United States)',
		]);
		const remote = parsePlace('Remote');
		expect(remote.ok && [remote.location.id, remote.location.kind, remote.location.workplace, remote.location.countries]).toEqual(['worldwide', 'area', 'remote', []]);
	});
});

describe('compensation', () => {
	it('reads ranges, where they apply, currency and period', () => {
		expect(
			extractPayRanges(['For Colorado-based hires: Estimated annual salary of $168,000 - $206,000.', 'Ontario: $45 - $55 per hour', 'Salary: €60.000 to €70.000']).map(
				({ appliesTo, min, max, currency, period }) => ({ appliesTo, min, max, currency, period }),
			),
		).toEqual([
			{ appliesTo: 'Colorado', min: 168000, max: 206000, currency: 'USD', period: 'YEAR' },
			{ appliesTo: 'Ontario', min: 45, max: 55, currency: 'CAD', period: 'HOUR' },
			{ appliesTo: undefined, min: 60000, max: 70000, currency: 'EUR', period: 'YEAR' },
		]);
	});

	it('reads shorthand like "USD 120k–150k"', () => {
		expect(extractPayRanges(['USD 120k–150k'])[0]).toMatchObject({ min: 120000, max: 150000, currency: 'USD' });
	});

	it('finds nothing in prose without a range', () => {
		expect(extractPayRanges(['Compensation may be adjusted depending on work location.'])).toEqual([]);
	});

	it('a range with min above max fails validation, naming the field', () => {
		expect(() =>
			normalizePostings([{ file: 'content/postings/pay.html', source: '---\ntitle: Designer\n---\n<p>Salary: $90,000 - $60,000</p>' }], site),
		).toThrow(/content\/postings\/pay\.html: payRanges\.0\.min: expected min must not exceed max/);
	});
});

describe('structure', () => {
	it('classifies headings', () => {
		expect(classifyHeading('Bonus Points')).toBe('nice-to-have');
		expect(classifyHeading('Preferred Qualifications')).toBe('nice-to-have');
		expect(classifyHeading('Examples of desirable skills, knowledge and experience')).toBe('requirements');
		expect(classifyHeading("What you'll do")).toBe('responsibilities');
		expect(classifyHeading('About the Department')).toBe('department');
		expect(classifyHeading('About Acme', 'Acme')).toBe('company');
		expect(classifyHeading('Time Off')).toBe('benefits');
		// "Responsibilities" was no kind: the word's end had to be a word's end.
		expect(classifyHeading('Responsibilities')).toBe('responsibilities');
		expect(classifyHeading('Key Responsibilities')).toBe('responsibilities');
	});

	it.each([
		// Real postings: Kavak's (Lever, Spanish) and Eureka's (Lever, Japanese and Korean).
		['Sobre Kavak', 'company'],
		['Sobre el Rol', 'role'],
		['Responsabilidades', 'responsibilities'],
		['[Platform Department 소개]', 'department'],
		['歓迎要件：', 'nice-to-have'],
		['求める人物像：', 'requirements'],
		// Databricks' Japanese posting (Greenhouse), and headings a sweep of common ones found of no kind (stop 57).
		['仕事の内容', 'role'],
		['必要な条件/経験', 'requirements'],
		['望ましい経験/スキル', 'nice-to-have'],
		['募集背景', 'role'],
		['休日休暇', 'benefits'],
		['配属部署', 'department'],
		['Das erwartet dich', 'responsibilities'],
		['Pourquoi nous rejoindre ?', 'benefits'],
		['Wie ben jij', 'requirements'],
		['Wat bieden wij', 'benefits'],
		["Why you'll love working here", 'benefits'],
		// The headings postings in other languages use most.
		['Deine Aufgaben', 'responsibilities'],
		['Ihr Aufgabengebiet', 'responsibilities'],
		['Dein Profil', 'requirements'],
		['Anforderungsprofil', 'requirements'],
		['Das bringst du mit', 'requirements'],
		['Wünschenswert', 'nice-to-have'],
		['Wir bieten', 'benefits'],
		['Über uns', 'company'],
		['Vos missions', 'responsibilities'],
		['Votre profil', 'requirements'],
		['Ce que nous offrons', 'benefits'],
		['Qui sommes-nous ?', 'company'],
		['Tus funciones', 'responsibilities'],
		['Requisitos', 'requirements'],
		['Se valorará', 'nice-to-have'],
		['Ofrecemos', 'benefits'],
		['Jouw taken', 'responsibilities'],
		['Wat wij bieden', 'benefits'],
		['Twoje zadania', 'responsibilities'],
		['Wymagania', 'requirements'],
		['Mile widziane', 'nice-to-have'],
		['Arbetsuppgifter', 'responsibilities'],
		['Vi erbjuder', 'benefits'],
		['業務内容', 'responsibilities'],
		['応募資格', 'requirements'],
		['福利厚生', 'benefits'],
		['자격 요건', 'requirements'],
		['우대 사항', 'nice-to-have'],
		['岗位职责', 'responsibilities'],
		['任职要求', 'requirements'],
		// Before: all "other" (Russian, Ukrainian, Turkish, Czech, Hungarian, Romanian, Indonesian, Vietnamese, Greek, Hebrew, Arabic).
		['Обязанности:', 'responsibilities'],
		['Требования', 'requirements'],
		['Будет плюсом', 'nice-to-have'],
		['Мы предлагаем', 'benefits'],
		['О компании', 'company'],
		["Обов'язки", 'responsibilities'],
		['Aranan Nitelikler', 'requirements'],
		['Náplň práce', 'responsibilities'],
		['Elvárások', 'requirements'],
		['Ce oferim', 'benefits'],
		['Tanggung Jawab', 'responsibilities'],
		['Mô tả công việc', 'role'],
		['Απαιτήσεις', 'requirements'],
		['דרישות', 'requirements'],
		['المسؤوليات', 'responsibilities'],
	])('classifies "%s" as %s', (heading, kind) => {
		expect(classifyHeading(heading, 'Kavak')).toBe(kind);
	});

	it("sums up ServiceNow's posting by its first section with text, not by the empty \"Job Description\" heading above it (SmartRecruiters)", () => {
		const board = realBoards().find((candidate) => candidate.name === 'smartrecruiters/ServiceNow-744000152033408')!;
		const [posting] = normalizePostings(board.files, site, { today: TODAY }).postings;
		expect(posting?.sections.map((section) => [section.title, section.html === ''])).toEqual([
			['Job Description', true],
			['What you get to do in this role', false],
		]);
		expect(posting?.summary).toMatch(/^The Advanced Technology Group \(ATG\) at ServiceNow is a customer-focused/);
	});

	it('sums up a posting by its headed role section before the text above its first heading (Cleo, Lean, Eureka)', () => {
		const summaryOf = (name: string, id: string) => {
			const board = realBoards().find((candidate) => candidate.name === name)!;
			return normalizePostings(board.files, site, { today: TODAY }).postings.find((posting) => posting.id.includes(id))?.summary;
		};
		// Above "About the Role ✍️": "Most money apps talk at you. Cleo talks back ✨".
		expect(summaryOf('ashby/cleo-2', '6011c09e')).toMatch(/^We're hiring a Senior Data Scientist for Cleo's Marketing Analytics team/);
		// Above "About the job": "Lean is expanding our footprint by opening an office in Egypt this summer".
		expect(summaryOf('ashby/LeanTech', '041b98b4')).toMatch(/^As a Solutions Engineer at Lean, you’ll help the Solutions Engineering team/);
		// Above "Job Summary": "エウレカは…運営している会社です" (Eureka is the company that runs Pairs).
		expect(summaryOf('lever/matchgroup', '1deea0b0')).toMatch(/^UTH \(Under The Hood\) Backend TeamはPairs本体の機能開発を支える/);
	});

	it('reads headings as plain-text pastes and editors write them', () => {
		const sections = (body: string) =>
			normalizePostings([{ file: 'content/postings/shapes.html', source: `---\ntitle: Engineer\napplyUrl: https://jobs.example.com/1\n---\n${body}` }], site, { today: TODAY }).postings[0]!.sections.map(
				(section) => [section.kind, section.title ?? '', section.html],
			);
		const intro = '<p>We build the payments platform that thousands of merchants use every day.</p>';
		// Before: one section of everything, its headings paragraphs.
		expect(sections(`<p>ABOUT THE ROLE</p>${intro}<p>RESPONSIBILITIES:</p><ul><li>Build APIs</li></ul>`)).toEqual([
			['role', 'ABOUT THE ROLE', intro],
			['responsibilities', 'RESPONSIBILITIES', '<ul><li>Build APIs</li></ul>'],
		]);
		// Before: a paragraph that began "What you'll do:" in bold.
		expect(sections(`${intro}<p><b>What you'll do:</b> Build the payments platform.</p>`)).toEqual([
			['role', '', intro],
			['responsibilities', "What you'll do", '<p>Build the payments platform.</p>'],
		]);
		// Before: the heading was the list's first item, and the dashes stayed.
		expect(sections(`${intro}<p><strong>Requirements</strong><br>- 3 years of Go<br>- Kubernetes</p>`)).toEqual([
			['role', '', intro],
			['requirements', 'Requirements', '<ul><li>3 years of Go</li><li>Kubernetes</li></ul>'],
		]);
		// Before: "Your tasks" was of no kind, and its items kept their typed bullets.
		expect(sections(`${intro}<p><strong>Your tasks</strong></p><p>• Build APIs</p><p>• Design systems</p>`)).toEqual([
			['role', '', intro],
			['responsibilities', 'Your tasks', '<ul><li>Build APIs</li><li>Design systems</li></ul>'],
		]);
		// A capitals sentence is no heading, nor a bold label of no kind ("Note:"), nor a number's order lost.
		expect(sections(`<p>WE ARE HIRING!</p>${intro}<p><b>Note:</b> we sponsor visas.</p><p>1. First<br>2. Second</p>`).map(([kind, title]) => [kind, title])).toEqual([['role', '']]);
		// Nor a list's item in capitals (a French agency's benefits on France Travail, one a line): it headed the rest.
		// Lines in capitals are the text of a posting none of whose such lines names a section of a known kind (a cleaner's
		// hours and place, on France Travail); they head sections where one does.
		const cleaner = '<p>Bonjour nous recherchons en cdi a partir du 30 juillet</p><p>SUR VIRIAT</p><p>LE LUNDI MERCREDI ET VENDREDI</p><p>DE 11h30 A 13H00</p>';
		expect(sections(cleaner)).toEqual([['role', '', cleaner.replaceAll('</p><p>', '</p>\n<p>')]]);
		expect(sections(`${intro}<p>ABOUT THE ROLE</p><p>You will clean offices.</p><p>SUR VIRIAT</p><p>Three days a week.</p>`).map(([kind, title]) => [kind, title])).toEqual([
			['role', ''],
			['role', 'ABOUT THE ROLE'],
		]);
		// Its lead-in is run into the sentence before it, as France Travail's text has it.
		const agency = "<p>N'hésitez pas à candidater, votre profil nous intéresse!Vos avantages Synergie:</p><p>+10% IFM + 10% CP,</p><p>CSE Synergie,</p><p>Prime Participation + CET à 6%,</p>";
		expect(sections(`${intro}${agency}`).map(([kind, title]) => [kind, title])).toEqual([['role', '']]);
	});

	it('reads the headings of a Google Docs paste, of split or emphasised bold runs, and of labels typed with a colon', () => {
		const sections = (body: string) =>
			normalizePostings([{ file: 'content/postings/shapes.html', source: `---\ntitle: Engineer\napplyUrl: https://jobs.example.com/1\n---\n${body}` }], site, { today: TODAY }).postings[0]!.sections.map(
				(section) => [section.kind, section.title ?? '', section.html],
			);
		const intro = '<p>We build the payments platform that thousands of merchants use every day.</p>';
		const list = '<ul><li>Go</li></ul>';
		// Google Docs: the paste wrapped in <b style="font-weight:normal">, its bold runs spans of weight 700. Before: the
		// whole posting in one <strong>, and no heading.
		expect(
			sections(
				`<b style="font-weight:normal;" id="docs-internal-guid-1a2b"><p dir="ltr"><span style="font-weight:400">We build the payments platform that thousands of merchants use every day.</span></p><p dir="ltr"><span style="font-weight:700">Requirements</span></p>${list}</b>`,
			),
		).toEqual([
			['role', '', intro],
			['requirements', 'Requirements', list],
		]);
		for (const heading of ['<p><span style="font-weight: bold">Requirements</span></p>', '<p><em><strong>Requirements</strong></em></p>', '<p><strong>Requirements</strong><strong>:</strong></p>', '<p>Requirements:</p>']) {
			expect(sections(`${intro}${heading}${list}`)).toEqual([
				['role', '', intro],
				['requirements', 'Requirements', list],
			]);
		}
		// Bullets typed as emoji make lists too ("👉 Go", "🔹 Go", "✔️ Go" with its emoji form), and a plain label heads the
		// lines under it ("Requirements:<br>- Go").
		const items = '<ul><li>Go</li><li>Rust</li></ul>';
		for (const typed of ['<p>👉 Go</p><p>👉 Rust</p>', '<p>🔹 Go</p><p>🔹 Rust</p>', '<p>★ Go</p><p>★ Rust</p>']) {
			expect(sections(`${intro}<p><strong>Requirements</strong></p>${typed}`)).toEqual([
				['role', '', intro],
				['requirements', 'Requirements', items],
			]);
		}
		for (const lines of ['<p><strong>Requirements</strong><br>✔️ Go<br>✔️ Rust</p>', '<div>Requirements:<br>- Go<br>- Rust</div>']) {
			expect(sections(`${intro}${lines}`)).toEqual([
				['role', '', intro],
				['requirements', 'Requirements', items],
			]);
		}
		// A line that leads into its list, or names no kind, stays the paragraph before it.
		for (const lead of ['<p>Other responsibilities include:</p>', '<p>Strong understanding of:</p>', '<p>We are:</p>']) {
			expect(sections(`${intro}${lead}${list}`)).toEqual([['role', '', `${intro}\n${lead}\n${list}`]]);
		}
	});

	it('heads sections of real postings by their labels typed with a colon', () => {
		const posting = (board: string, id: string) => {
			const found = realBoards().find((candidate) => candidate.name === board)!;
			return normalizePostings(found.files, site, { today: TODAY }).postings.find((candidate) => candidate.file.includes(id))!;
		};
		// Bosch (SmartRecruiters): "<p>Preferred Candidate Profile:</p>" was a paragraph of its qualifications.
		expect(posting('smartrecruiters/BoschGroup-744000151640889', '744000151640889').sections.map((section) => [section.kind, section.title])).toEqual([
			['role', 'Job Description'],
			['requirements', 'Qualifications'],
			['nice-to-have', 'Preferred Candidate Profile'],
			['other', 'Additional Information'],
		]);
		// Anthropic (Greenhouse): "<p>Annual Salary:</p>" heads the pay, which sat under "You may be a good fit if you have".
		const pay = posting('greenhouse/anthropic', '4461450008').sections.at(-1)!;
		expect([pay.kind, pay.title, pay.html]).toEqual(['compensation', 'Annual Salary', '<p>$222,800—$290,000 USD</p>']);
	});

	it('makes real postings\' typed bullets lists, and a bold label of a known kind its section', () => {
		const posting = (board: string, id: string) => {
			const found = realBoards().find((candidate) => candidate.name === board)!;
			return normalizePostings(found.files, site, { today: TODAY }).postings.find((candidate) => candidate.file.includes(id))!;
		};
		// RWS (Lever): "<p>- Paid opportunities…</p><p>- Flexible and remote work.</p>…" were paragraphs with their dashes.
		const offer = posting('lever/rws', 'f4e3ba40').sections.find((section) => section.title === 'What We Offer')!;
		expect(offer.html).toBe(
			'<ul><li>Paid opportunities to work on cutting-edge AI projects.</li><li>Flexible and remote work.</li><li>Continuous learning and development opportunities in the AI space.</li></ul>',
		);
		// Outreach (Lever): "• Flexible time off" lines typed with bullets; the list draws its own.
		const outreach = posting('lever/outreach', '1ee6929b');
		expect(outreach.summary).toMatch(/^About Outreach; Why You’ll Love It Here; Flexible time off; 401k to help you save for the future;/);
		// Anthropic (Greenhouse): "<strong>Logistics Requirements: </strong>To participate…" is a requirements section.
		const logistics = posting('greenhouse/anthropic', '5183044008').sections.find((section) => section.title === 'Logistics Requirements')!;
		expect(logistics.kind).toBe('requirements');
		expect(logistics.html).toMatch(/^<p>To participate in the Fellows program, you must have work authorization in the US, UK, or Canada/);
		// Its "<h3><a href=…>Apply here.</a></h3>" is the link that ends the section, not a section titled "Apply here.".
		const fellows = posting('greenhouse/anthropic', '5183044008');
		expect(fellows.sections.map((section) => section.title)).not.toContain('Apply here.');
		expect(logistics.html).toContain('<p><a href="https://bit.ly/afpsafety" rel="noopener noreferrer">Apply here.</a></p>');
	});

	it("reads Databricks' Japanese posting: its requisition code, its description set as a heading, its Japanese headings", () => {
		const board = realBoards().find((candidate) => candidate.name === 'greenhouse/databricks')!;
		const [posting] = normalizePostings(board.files, site, { today: TODAY }).postings;
		// Before: "<p>FEQ327R203</p>" (capitals alone) headed the company's blurb; "仕事の内容" (the work) was of no kind, and
		// "必要な条件/経験" (requirements) and "望ましい経験/スキル" (desirable) were its sub-headings.
		expect(posting!.sections.map((section) => [section.kind, section.title ?? ''])).toEqual([
			['role', ''],
			['role', '仕事の内容'],
			['requirements', '必要な条件/経験'],
			['nice-to-have', '望ましい経験/スキル'],
		]);
		expect(posting!.sections[0]!.html).toMatch(/^<p>FEQ327R203<\/p>\n<p>DatabricksはデータとAIの企業であり/);
		// Its 290-character <h4> of prose is the section's first paragraph, not a heading.
		expect(posting!.sections[1]!.html).toMatch(/^<p>プリセールスソリューションアーキテクト（分析、AI、ビッグデータ、パブリッククラウド）として、/);
		// Summed up by that description, its sentences joined as Japanese joins them: no space after "。".
		expect(posting!.summary).toBe(
			'プリセールスソリューションアーキテクト（分析、AI、ビッグデータ、パブリッククラウド）として、あなたは営業プロセス全体にわたってハンズオン環境で技術評価フェーズを指導します。あなたは営業チームの技術アドバイザーとなり、現場で顧客要件を実現するために製品チームと連携します。',
		);
	});

	it('heads no section with a code or a figure alone, and sums up no role with one', () => {
		const posting = (body: string) =>
			normalizePostings([{ file: 'content/postings/codes.html', source: `---\ntitle: Engineer\napplyUrl: https://jobs.example.com/1\n---\n${body}` }], site, { today: TODAY }).postings[0]!;
		const intro = '<p>We build the payments platform that thousands of merchants use every day.</p>';
		for (const code of ['<p>FEQ327R203</p>', '<p><strong>JR-2024-001</strong></p>', '<p><b>2026</b></p>']) {
			const made = posting(`${code}${intro}<p><strong>Requirements</strong></p><ul><li>Go</li></ul>`);
			expect(made.sections.map((section) => [section.kind, section.title ?? ''])).toEqual([
				['role', ''],
				['requirements', 'Requirements'],
			]);
			expect(made.summary).toBe('We build the payments platform that thousands of merchants use every day.');
		}
		// Words beside a figure still head a section, in a posting whose headings are lines in capitals.
		expect(posting(`${intro}<p>TOP 3 REASONS</p><p>Pay.</p><p>REQUIREMENTS</p><ul><li>Go</li></ul>`).sections.map((section) => section.title ?? '')).toEqual(['', 'TOP 3 REASONS', 'REQUIREMENTS']);
		// A form's fields above the prose are passed over by the summary (they stay in the text); alone, they are all it has.
		for (const fields of ['<p>Requisition ID: R0123</p>', '<p>Job ID: 4012345</p><p>Posted: 12/01/2026</p>', '<p><strong>Job Title:</strong> Engineer</p>']) {
			expect(posting(`${fields}${intro}`).summary).toBe('We build the payments platform that thousands of merchants use every day.');
		}
		expect(posting('<p>Job ID: 4012345</p>').summary).toBe('Job ID: 4012345');
		// A label with a sentence after it is prose.
		expect(posting(`<p>Summary: we are hiring an engineer to build the payments platform merchants use.</p>${intro}`).summary).toMatch(/^Summary: we are hiring an engineer/);
	});

	it('sums up RWS by its sentence, not by the fields listed under it', () => {
		const board = realBoards().find((candidate) => candidate.name === 'lever/rws')!;
		const posting = normalizePostings(board.files, site, { today: TODAY }).postings.find((candidate) => candidate.file.includes('2a72f4e3'))!;
		// Before: "…in Saudi Arabic (Asir). Job Type: Freelance; Location: Work from home".
		expect(posting.summary).toBe(
			'We are looking for AI Business Conversation Analysts to support the development and improvement of AI models in Saudi Arabic (Asir). Work Schedule: Part-time - 10+ hours per week.',
		);
	});

	it("sums up Kavak's Spanish postings by their role, not by the company's blurb above it", () => {
		const board = realBoards().find((candidate) => candidate.name === 'lever/kavak')!;
		const { postings } = normalizePostings(board.files, site, { today: TODAY });
		for (const posting of postings) expect(posting.summary).not.toMatch(/^Como el primer unicornio mexicano/);
		const media = postings.find((posting) => posting.sections.some((section) => section.html.includes('Paid Media (foco principal)')))!;
		// A list's items are read one by one: an item with no stop is followed by a semicolon (before: "Paid Media (foco
		// principal) Ejecutar…", the items run together).
		expect(media.summary).toMatch(/^Paid Media \(foco principal\); Ejecutar y optimizar la estrategia multicanal/);
	});

	it('makes one hierarchy from mixed h4s and bold paragraphs, with stable unique ids', () => {
		const sections = structureBody(
			topLevelBlocks(
				parseFragment(
					'<p>Lead in.</p><h4><strong>About the team</strong></h4><p>We.</p><p><strong>Requirements</strong></p><ul><li>Go</li></ul><p><strong>Tooling</strong></p><p>Vim.</p><p><strong>Requirements</strong></p><p>More.</p><h2>Benefits</h2><h3>Requirements</h3>',
				),
			),
			{ reservedIds: ['main'] },
		);
		expect(sections.map(({ id, title, kind }) => ({ id, title, kind }))).toEqual([
			{ id: 'overview', title: undefined, kind: 'role' },
			{ id: 'about-the-team', title: 'About the team', kind: 'team' },
			{ id: 'requirements', title: 'Requirements', kind: 'requirements' },
			// A heading marked up more prominently than the current one starts a section.
			{ id: 'benefits', title: 'Benefits', kind: 'benefits' },
			{ id: 'requirements-3', title: 'Requirements', kind: 'requirements' },
		]);
		expect(sections[2]!.html).toContain('<h3 id="tooling">Tooling</h3>');
		expect(sections[2]!.html).toContain('<h3 id="requirements-2">Requirements</h3>');
	});

	it('reads a heading that is only a link to apply as a line of the section it ends', () => {
		const sections = structureBody(
			topLevelBlocks(parseFragment('<h2>Requirements</h2><p>Go.</p><h3><a href="https://example.com/apply">Apply now!</a></h3><h2>Jetzt bewerben</h2><p>Per E-Mail.</p>')),
		);
		expect(sections.map(({ title, html }) => ({ title, html }))).toEqual([
			{
				title: 'Requirements',
				// Without a link the words are a heading, as before (of no known kind: a sub-section).
				html: '<p>Go.</p>\n<p><a href="https://example.com/apply">Apply now!</a></p>\n<h3 id="jetzt-bewerben">Jetzt bewerben</h3>\n<p>Per E-Mail.</p>',
			},
		]);
	});

	it('makes the same sections from blocks read into parts ahead of time', () => {
		const html =
			'<p>Lead in.</p><p><strong>What you will do</strong></p><p>Ship<br>Review<br>Mentor</p><p>One sentence.<br>Another sentence.</p><ul><li>Go</li><li>Rust</li></ul><h3>Benefits</h3><p>Lunch.</p>';
		const options = { companyName: 'Acme', reservedIds: ['main'] };
		const parts = topLevelBlocks(parseFragment(html)).flatMap(blockElements).map(partOf);
		expect(sectionsOf(parts, options)).toEqual(structureBody(topLevelBlocks(parseFragment(html)), options));
		// A paragraph of <br> lines is several elements; reading them leaves the block as it was.
		const [block] = topLevelBlocks(parseFragment('<p>Ship<br>Review<br>Mentor</p>'));
		expect(blockElements(block!).map(outerHtml)).toEqual(['<ul><li>Ship</li><li>Review</li><li>Mentor</li></ul>']);
		expect(outerHtml(block!)).toBe('<p>Ship<br>Review<br>Mentor</p>');
		expect(partOf(topLevelBlocks(parseFragment('<h4>Perks</h4>'))[0]!)).toEqual({ heading: { text: 'Perks', depth: 4 } });
		expect(partOf(topLevelBlocks(parseFragment('<ul><li>Go</li><li>Rust</li></ul>'))[0]!)).toEqual({ html: '<ul><li>Go</li><li>Rust</li></ul>', text: 'Go Rust', paragraphs: ['Go', 'Rust'] });
	});

	it('parts the words a line break parts in a heading (Eureka\'s "開催日時：<br>9月9日", on Lever)', () => {
		const heading = (html: string) => partOf(topLevelBlocks(parseFragment(html))[0]!);
		expect(heading('<h5><strong><span>開催日時：<br>9月9日 (水)・9月10日 (木) 　</span><span>9:00 開始予定</span></strong></h5>')).toEqual({
			heading: { text: '開催日時： 9月9日 (水)・9月10日 (木) 9:00 開始予定', depth: 5 },
		});
		expect(heading('<p><strong>Location:<br>Berlin</strong><br></p>')).toEqual({ heading: { text: 'Location: Berlin', depth: 6 } });
	});
});

describe('company text', () => {
	it('cuts out the ATS intro and conclusion blocks', () => {
		const root = parseFragment('<div class="content-intro"><p>We are Acme.</p></div><p>Role.</p><div class="content-conclusion"><p>EEO.</p></div>');
		const split = splitCompanyBlocks(root);
		expect({ intro: split.intro.map(outerHtml), body: outerHtml(root), conclusion: split.conclusion.map(outerHtml) }).toEqual({
			intro: ['<p>We are Acme.</p>'],
			body: '<p>Role.</p>',
			conclusion: ['<p>EEO.</p>'],
		});
	});

	it('finds paragraphs repeated across most postings', () => {
		const blurb = 'Acme builds rockets for everyone, and has done so since 1949 from its base in the desert.';
		const tally = (postings: string[][]) => {
			const counted = new RepeatTally();
			for (const keys of postings.map(candidateKeys)) counted.add(keys);
			return counted;
		};
		const four = tally([[blurb, 'Role one.'], [blurb, 'Role two.'], [blurb, 'Role three.'], ['Role four.']]);
		// The same paragraph differently spaced and cased is the same candidate; short blocks are none.
		expect(candidateKeys([`  ${blurb.toUpperCase()} `, 'Role one.'])).toEqual([blockKey(blurb)]);
		expect(four.has(blockKey(blurb)!)).toBe(true);
		expect(candidateKeys(['Role one.', blurb, blurb])).toEqual([blockKey(blurb)]);
		// At least three postings, and more than half of them.
		expect(tally([[blurb], [blurb]]).has(blockKey(blurb)!)).toBe(false);
		expect(tally([[blurb], [blurb], [blurb], [], [], []]).has(blockKey(blurb)!)).toBe(false);
		expect(tally([[blurb], [blurb], [blurb], [blurb], [], [], []]).has(blockKey(blurb)!)).toBe(true);
		// From keys a caller kept per block: the same candidates, in the same order.
		const texts = ['Role one.', blurb, `${blurb} Twice.`, blurb];
		expect(candidatesOf(texts.map(blockKey))).toEqual(candidateKeys(texts));
		expect(candidatesOf([undefined, 'a', 'b', 'a'])).toEqual(['a', 'b']);
	});

	it('stores a block of company text the same from its element or from the part read for the role text', () => {
		const blocks = topLevelBlocks(parseFragment('<p><strong>About Acme</strong></p><p>We build rockets.</p><ul><li>Dental</li></ul><h4>EEO &amp; you</h4>'));
		const html = blocks.map(companyHtml);
		expect(html).toEqual(['<h3>About Acme</h3>', '<p>We build rockets.</p>', '<ul><li>Dental</li></ul>', '<h3>EEO &amp; you</h3>']);
		expect(blocks.map((block) => companyHtmlOf(partOf(block)))).toEqual(html);
		expect(html.map((block) => companyBlock('intro', block))).toEqual(makeCompanyBlocks('intro', blocks));
	});

	it('moves repeated and legal paragraphs out of role bodies into company text', () => {
		const blurb = '<p>Acme builds rockets for everyone, and has done so since 1949 from its base in the desert.</p>';
		const legal = '<p>Acme is an equal opportunity employer and welcomes everyone.</p>';
		const files = [1, 2, 3].map((n) => ({
			file: `p${n}.html`,
			source: `---\ntitle: Role ${n}\n---\n${blurb}<p><strong>About the role</strong></p><p>Role number ${n} does things.</p>${n === 1 ? legal : ''}`,
		}));
		const { postings, company } = normalizePostings(files, site);
		expect(company.map((block) => [block.kind, block.usedBy])).toEqual([
			['repeated', 3],
			['legal', 1],
		]);
		for (const posting of postings) expect(posting.sections.map((section) => section.html).join('')).not.toMatch(/rockets|equal opportunity/);
		expect(isLegalText('We are an equal opportunity employer.')).toBe(true);
		// A whole description pasted as one paragraph, its equal-opportunity sentence at the end, is role text: its posting
		// had no role text left and failed to build (44 of job-radar's 122 plain-text descriptions). One opening with it is legal.
		const role = 'You will build and run our data platform, work with product teams and mentor engineers. '.repeat(20);
		expect(isLegalText(`${role}We are an equal opportunity employer.`)).toBe(false);
		expect(isLegalText(`We are an equal opportunity employer. ${role}`)).toBe(true);
		const whole = normalizePostings([{ file: 'one-paragraph.html', source: `---\ntitle: Data Engineer\n---\n<p>${role}We are an equal opportunity employer.</p>` }], site);
		expect(whole.postings[0]!.sections.map((section) => section.html.length > role.length)).toEqual([true]);
	});
});

describe('inference', () => {
	it('reads titles from ATS heading anchors', () => {
		expect(titleFromAnchors(['EngineeringManagerWorkersRuntime-AbouttheTeam', "EngineeringManagerWorkersRuntime-Whatyou'lldo"], 'Workers Runtime')?.value).toBe(
			'Engineering Manager, Workers Runtime',
		);
		expect(titleFromAnchors(['JobDescription:SeniorSystemsEngineerWorkersRuntime(C++)-AbouttheTeam'])?.value).toBe(
			'Senior Systems Engineer, Workers Runtime (C++)',
		);
		expect(titleFromAnchors(['intro'])).toBeUndefined();
	});

	it('reads titles from the "We are looking for" sentence', () => {
		const sections = [{ kind: 'role' as const, text: 'We are looking for a Product Designer to join our Billing team.' }];
		expect(titleFromProse(sections, 'Billing')?.value).toBe('Product Designer, Billing');
		expect(inferTeam(sections, 'Acme')?.value).toBe('Billing');
		// A slash is part of a team's name ("AI/ML"); so is the company's, which names products ("the Cloudflare Tunnel team").
		const team = (text: string) => inferTeam([{ kind: 'role', text }], 'Acme')?.value;
		expect(team('The AI/ML team trains our models.')).toBe('AI/ML');
		expect(team('The Acme Payments team runs checkout.')).toBe('Acme Payments');
		// Before: no team ("&" and "and" in a name), and none from a label.
		expect(team('The Security & Compliance team protects our customers.')).toBe('Security & Compliance');
		expect(team('We are the Trust and Safety team.')).toBe('Trust and Safety');
		expect(team('The Team You Will Join: Payments Infrastructure')).toBe('Payments Infrastructure');
		expect(team('The team: Core Banking')).toBe('Core Banking');
		expect(team('The Team: We are a small, cross-functional group.')).toBeUndefined();
		// Before: Product, New York, EMEA, Remote, Global, Amazing: a team the role works with, a place's, or praise.
		expect(team('You will work closely with the Product team.')).toBeUndefined();
		expect(team('Work closely with the Product team. You will join the Platform team.')).toBe('Platform');
		for (const text of ['The New York team is hiring.', 'Our EMEA team supports customers across Europe.', 'The Remote team works across time zones.', 'You’ll be part of the Global Team.', 'Our Amazing Team loves coffee.']) {
			expect(team(text)).toBeUndefined();
		}
		// Before: Marketing, the second of two teams worked with.
		expect(team('You will work closely with the Sales team and the Marketing team.')).toBeUndefined();
		expect(team('You will work with the Sales team and join our Payments team.')).toBe('Payments');
		// Before: none in French, Spanish, Portuguese, Italian, German and Dutch.
		expect(team("Tu rejoindras l'équipe Data Engineering.")).toBe('Data Engineering');
		expect(team('Te unirás al equipo de Ingeniería de Datos.')).toBe('Ingeniería de Datos');
		expect(team('Nuestro equipo de Producto en México crece.')).toBe('Producto');
		expect(team('Únete al equipo de Ventas de Madrid.')).toBe('Ventas');
		expect(team('Você fará parte do time de Engenharia.')).toBe('Engenharia');
		expect(team('Entrarai a far parte del team Engineering.')).toBe('Engineering');
		expect(team('Du wirst Teil unseres Plattform-Teams.')).toBe('Plattform');
		// A team worked with, a place's team, a German noun before "Team" without its hyphen: none.
		expect(team('At a time Google was small, we were too.')).toBeUndefined();
		for (const text of ["Tu travailleras avec l'équipe Produit.", 'Trabajarás con el equipo de Ventas.', 'Du arbeitest eng mit dem Sales-Team zusammen.', "Rejoins l'équipe de Paris.", 'Bei uns im Berliner Team', 'Je komt in het Amsterdamse team.']) {
			expect(team(text)).toBeUndefined();
		}
	});

	it('reads the department from the subject of its first sentence', () => {
		const department = (text: string) => inferDepartment([{ kind: 'department', text }], 'Acme')?.value;
		expect(department('Acme’s Finance Team runs the money.')).toBe('Finance');
		expect(department('Growth Marketing is where we grow.')).toBe('Growth Marketing');
	});
});

describe('given values win over inferred ones', () => {
	it('front matter title, team, department and locations replace what the HTML says', () => {
		const { postings } = normalizePostings(
			[
				{
					file: 'content/postings/given.html',
					source:
						'---\ntitle: Staff Engineer\nteam: Edge\ndepartment: Platform\nlocations: ["Berlin, Germany"]\napplyUrl: https://jobs.example.com/1\n---\n' +
						'<p>Available Locations: Austin, Texas</p><h3 id="OtherTitle-AbouttheTeam">About the Team</h3><p>The Workers Runtime team ships.</p>',
				},
			],
			site,
		);
		const posting = postings[0]!;
		expect([posting.title, posting.team, posting.department, posting.locations.map((l) => l.label), posting.applyUrl]).toEqual([
			'Staff Engineer',
			'Edge',
			'Platform',
			['Berlin, Germany'],
			'https://jobs.example.com/1',
		]);
		for (const field of ['title', 'team', 'department', 'locations', 'applyUrl'] as const) expect(posting.provenance[field]?.source).toBe('given');
	});
});
