import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapAshbyJob } from '../../src/ats/ashby/source.ts';
import { mapGreenhouseJob } from '../../src/ats/greenhouse/source.ts';
import { mapLeverJob } from '../../src/ats/lever/source.ts';
import { employmentTypeFrom } from '../../src/ats/shared/map.ts';
import { employmentFromText, employmentTypeOf } from '../../src/postings/employment.ts';
import { normalizePostings } from '../../src/postings/normalize.ts';
import { readPosting } from '../../src/sources/posting-file.ts';
import { ashbyJobSchema } from '../../src/ats/ashby/schema.ts';
import { greenhouseJobSchema } from '../../src/ats/greenhouse/schema.ts';
import { leverPostingSchema } from '../../src/ats/lever/schema.ts';
import { errorOf, FIXTURES, site, TODAY } from './helpers.ts';

const json = (path: string): unknown => JSON.parse(readFileSync(join(FIXTURES, 'ats', path), 'utf8'));

describe('employmentTypeOf: the values ATSs and recruiters write', () => {
	it.each([
		// Lever commitments, as real boards write them.
		['Full-time Regular', 'FULL_TIME'],
		['Regular Full Time (Salary)', 'FULL_TIME'],
		['Regular, Salaried, Full Time', 'FULL_TIME'], // Velo3D
		['Full Time Employee', 'FULL_TIME'], // Meesho
		['Permanent', 'FULL_TIME'], // Spotify
		['Trainee', 'INTERN'], // Meesho
		["Stage de fin d'études", 'INTERN'],
		['Werkstudent', 'PART_TIME'],
		// Greenhouse metadata values.
		['FTE - Regular', 'FULL_TIME'], // PhonePe "Requisition Type"
		['Fixed-term contract', 'TEMPORARY'],
		['Permanent contract', 'FULL_TIME'],
		['Contract to hire', 'CONTRACTOR'],
		['Part-time Regular', 'PART_TIME'],
		['Temporary Full-time', 'TEMPORARY'],
		['Intern (Full-time)', 'INTERN'],
		['Seasonal', 'TEMPORARY'],
		['Per Diem', 'PER_DIEM'],
		['Volunteer', 'VOLUNTEER'],
		// Ashby's enum, and Google's own values in any case.
		['FullTime', 'FULL_TIME'],
		['PartTime', 'PART_TIME'],
		['Contract', 'CONTRACTOR'],
		['per_diem', 'PER_DIEM'],
		['OTHER', 'OTHER'],
		['full time', 'FULL_TIME'],
		// SmartRecruiters-style "Contract type: Unlimited" (Bosch).
		['Unlimited', 'FULL_TIME'],
		// German, French, Spanish, Portuguese, Dutch, Italian.
		['Vollzeit', 'FULL_TIME'],
		['Teilzeit', 'PART_TIME'],
		['Befristet', 'TEMPORARY'],
		['Praktikum', 'INTERN'],
		['Ausbildung', 'INTERN'],
		['CDI', 'FULL_TIME'],
		['CDD', 'TEMPORARY'],
		// France Travail's contract type for the self-employed (12 of its 685 offers had no type).
		['Profession libérale', 'CONTRACTOR'],
		['Temps partiel', 'PART_TIME'],
		['Alternance', 'INTERN'],
		['Contrato indefinido', 'FULL_TIME'],
		['Jornada completa', 'FULL_TIME'],
		['Medio tiempo', 'PART_TIME'],
		['Prácticas', 'INTERN'],
		['Tempo integral', 'FULL_TIME'],
		['Estágio', 'INTERN'],
		['Deeltijd', 'PART_TIME'],
		['Tijdelijk', 'TEMPORARY'],
		['Tempo determinato', 'TEMPORARY'],
		['Tirocinio', 'INTERN'],
		['Apprenticeship', 'INTERN'],
		// Polish.
		['Pełny etat', 'FULL_TIME'],
		['Niepełny etat', 'PART_TIME'],
		['Umowa o pracę', 'FULL_TIME'],
		['Umowa zlecenie', 'CONTRACTOR'],
		['Kontrakt B2B', 'CONTRACTOR'],
		['B2B', 'CONTRACTOR'],
		['Staż', 'INTERN'],
		['Umowa na czas określony', 'TEMPORARY'],
		// Before: none.
		['Intern (Fixed Term)', 'INTERN'],
		['Tidsbegränsad anställning', 'TEMPORARY'],
		['Locum Tenens', 'TEMPORARY'],
		['Secondment', 'TEMPORARY'],
		['Purnawaktu', 'FULL_TIME'],
		['Paruh Waktu', 'PART_TIME'],
		['Magang', 'INTERN'],
		['Karyawan Kontrak', 'TEMPORARY'],
		['Toàn thời gian', 'FULL_TIME'],
		['Bán thời gian', 'PART_TIME'],
		['Thực tập sinh', 'INTERN'],
		// Greenhouse boards' "Employment Type" fields (a sweep of 8,831 values): "Indefinite" was none.
		['Indefinite', 'FULL_TIME'],
		['Regular - Unlimited', 'FULL_TIME'],
		['Full-Time: New Grad', 'FULL_TIME'],
		['Intern - Fixed Term - Trainee', 'INTERN'],
		['Per Diem W2', 'PER_DIEM'],
		['Temporary/FTC', 'TEMPORARY'],
		['Contractor - Leased Employee', 'CONTRACTOR'],
		// And a second sweep of the same thousand boards: One Medical's 52 "Casual" clinic roles, Naughty Dog's "Contingent Worker".
		['Casual', 'PER_DIEM'],
		['Contingent Worker', 'CONTRACTOR'],
		['Contingent worker', 'CONTRACTOR'],
	])('%s -> %s', (value, expected) => {
		expect(employmentTypeOf(value)).toBe(expected);
	});

	// "Full or Part Time" was part-time.
	it.each(['Full-time or part-time', 'Full or Part Time', 'Full- or part-time', 'Praktikant / Werkstudent', 'Hybrid', 'Whenever', '', '  '])('leaves "%s" unset: it names no kind, or two that disagree', (value) => {
		expect(employmentTypeOf(value)).toBeUndefined();
	});
});

describe('employmentFromText: the title and statements about the role', () => {
	it.each([
		['Werkstudent (m/w/d) Marketing', 'PART_TIME'],
		['Software Engineer (Contract)', 'CONTRACTOR'],
		['Recruiting Operations Associate, GTM (Contract) ', 'CONTRACTOR'], // Ramp
		['Designer - Contract', 'CONTRACTOR'],
		['Summer 2027 Intern - Hardware Engineering', 'INTERN'], // Western Digital
		['Developer Advocate Intern', 'INTERN'], // Weaviate
		['Software Engineer Internship, Android ', 'INTERN'], // Ramp
		['Trainee - Recruitment Coordinator', 'INTERN'], // Meesho
		['Stage - Développeur web', 'INTERN'],
		['Part-time Barista', 'PART_TIME'],
		['Seasonal Warehouse Associate', 'TEMPORARY'],
	])('reads the title "%s" as %s', (title, value) => {
		expect(employmentFromText(title, [])).toEqual({ value, evidence: title });
	});

	it.each(['Contract Manager', 'Contracts Counsel', 'Intern Program Manager', 'University Recruiter, Internships', 'Volunteer Coordinator', 'Internal Tools Engineer', 'Early Stage Investor', 'Product Lead, Contractor Invoicing & Compliance'])(
		'reads nothing from the title "%s": its subject, not its kind',
		(title) => {
			expect(employmentFromText(title, [])).toBeUndefined();
		},
	);

	it.each([
		['This is a full-time position based in Berlin.', 'FULL_TIME'],
		// Velo3D, Lever.
		['Our job titles may span more than one career level. The starting base salary for this full-time position is between $115,000 and $130,000.', 'FULL_TIME'],
		['This role is part-time (20 hours a week).', 'PART_TIME'],
		['This seasonal role runs from November to January.', 'TEMPORARY'],
		['We offer a fixed-term contract of 6 months.', 'TEMPORARY'],
		['You will join on a 12-month fixed-term contract.', 'TEMPORARY'],
		['This is a 6-month contract role.', 'CONTRACTOR'],
		['This is a paid internship.', 'INTERN'],
		// KPMG New Zealand (Lever), filed under the commitment "Student": an item of what the firm provides.
		['A permanent, full-time role with base office hours of 37.5 hours per week.', 'FULL_TIME'],
		// Anthropic Fellows (Greenhouse): a 4-month program.
		["Program Duration: The program runs for 4 months, full-time. If you can't commit to the full duration, please still apply and note your constraints in the application.", 'TEMPORARY'],
		// Ramp (Ashby).
		['We are looking for an Android intern for our 12 or 16-week Fall Program (August/September 2026 - December 2026)', 'INTERN'],
		['Employment type: Part-time', 'PART_TIME'],
		['Location: London | Contract type: Permanent', 'FULL_TIME'],
		['Wir suchen dich zum nächstmöglichen Zeitpunkt in Vollzeit.', 'FULL_TIME'],
		['Du verstärkst unser Team als Werkstudent (m/w/d) mit 20 Stunden pro Woche.', 'PART_TIME'],
		['Wir bieten eine unbefristete Anstellung.', 'FULL_TIME'],
		['Vertragsart: Befristet (12 Monate)', 'TEMPORARY'],
		['Poste à pourvoir en CDI à temps plein.', 'FULL_TIME'],
		['Type de contrat : CDD de 6 mois', 'TEMPORARY'],
		['Type de contrat : Profession libérale', 'CONTRACTOR'],
		['Ofrecemos contrato indefinido a tiempo completo.', 'FULL_TIME'],
		['Vaga em tempo integral, regime híbrido.', 'FULL_TIME'],
		['Je krijgt een vast contract voor 40 uur per week.', 'FULL_TIME'],
		['Contratto a tempo indeterminato.', 'FULL_TIME'],
		['Oferujemy zatrudnienie na podstawie umowy o pracę, pełny etat.', 'FULL_TIME'],
		['Współpraca w oparciu o kontrakt B2B.', 'CONTRACTOR'],
		// Before: none (German compounds, "medio tiempo", Brazil's "regime", French terms with their length).
		['Es handelt sich um eine unbefristete Vollzeitstelle.', 'FULL_TIME'],
		['Wir bieten eine Teilzeitstelle (20 Std./Woche).', 'PART_TIME'],
		['Wir bieten eine Praktikumsstelle für 6 Monate.', 'INTERN'],
		['Esta es una posición de medio tiempo (20 horas semanales).', 'PART_TIME'],
		['Regime CLT, tempo integral.', 'FULL_TIME'],
		['Contratação em regime PJ.', 'CONTRACTOR'],
		['Stage de 6 mois à partir de janvier 2027.', 'INTERN'],
		['Mission freelance de 6 mois.', 'CONTRACTOR'],
	])('reads "%s" as %s, with it as evidence', (block, value) => {
		expect(employmentFromText('Engineer', [block])).toEqual({ value, evidence: block });
	});

	it.each([
		// Real postings: statements about other people, or about benefits, are not about this role.
		'Benefits available to all full-time Ramp employees (Global)',
		'PhonePe Full Time Employee Benefits (Not applicable for Intern or Contract Roles)',
		'Are excited to transition into empirical AI research and would be interested in a full-time role at Anthropic',
		'Please note: We do not guarantee that we will make any full-time offers to fellows.',
		'Own contract renewals and lead commercial negotiations to increase and retain existing customer revenue and Stripe market share.',
		'Act as a strategic partner while permanent AP leadership is being identified and onboarded',
		'If you need accommodations at any stage of the application or interview process, please let us know.',
		// The brief's own false friends.
		'You will work with full-time engineers across the company.',
		'You will mentor our interns.',
		'You will coordinate contractors and vendors.',
		'This is an early-stage role.',
		'This role is not full-time.',
		'Our commitment to our full-time employees is strong.',
		// Two kinds at once: unsure, so unset.
		'This is a full-time or part-time position.',
		'Wir suchen dich in Vollzeit oder Teilzeit.',
	])('reads nothing from "%s"', (block) => {
		expect(employmentFromText('Engineer', [block])).toBeUndefined();
	});

	it.each([
		// Labels and titles in more of the languages postings are written in.
		['Backend Developer', 'Art der Anstellung: Teilzeit', 'PART_TIME'],
		['Desarrollador', 'Jornada: Media jornada', 'PART_TIME'],
		['Utvecklare', 'Anställningsform: Tillsvidareanställning, heltid', 'FULL_TIME'],
		['Udvikler', 'Ansættelsesform: Fuldtid', 'FULL_TIME'],
		['Kehittäjä', 'Työsuhde: Määräaikainen', 'TEMPORARY'],
		['Vývojář', 'Typ úvazku: Plný úvazek', 'FULL_TIME'],
		['Yazılım Mühendisi', 'Çalışma şekli: Tam zamanlı', 'FULL_TIME'],
		['Engenheiro', 'Regime de contratação: CLT', 'FULL_TIME'],
		['Engenheiro', 'Regime: PJ', 'CONTRACTOR'],
		['Stajyer Yazılım Mühendisi', '', 'INTERN'],
		['Lærling - elektriker', '', 'INTERN'],
		// Japanese, Korean and Chinese: no spaces between words, and the kana's voicing marks kept ("パート" is not "ハート").
		['エンジニア', '雇用形態：正社員', 'FULL_TIME'],
		['エンジニア', '雇用形態：契約社員', 'TEMPORARY'],
		['エンジニア', '雇用形態：アルバイト・パート', 'PART_TIME'],
		['インターン（エンジニア）', '', 'INTERN'],
		['엔지니어', '고용형태: 정규직', 'FULL_TIME'],
		['엔지니어', '고용형태: 계약직', 'TEMPORARY'],
		['인턴 - 마케팅', '', 'INTERN'],
		['工程师', '工作性质：全职', 'FULL_TIME'],
		['实习生 - 市场', '', 'INTERN'],
	])('reads "%s" / "%s" as %s', (title, block, expected) => {
		expect(employmentFromText(title, block ? [block] : [])?.value).toBe(expected);
	});

	it.each(['パートナーセールス', '時計エキスパート - Expert Watches', 'Product Manager - B2B SaaS', 'Técnico de Segurança do Trabalho (Embarque Eventual - Macaé)', 'Brigada Digital', 'HPP Engineer', 'Program Manager Contingent Workforce', 'Casual Dining Shift Lead'])('reads no kind from the title "%s" (a partner, an expert, an occasional trip; words that are a kind only in a label)', (title) => {
		expect(employmentFromText(title, [])).toBeUndefined();
	});

	it('reads benefits for full-time employees as full-time, only when nothing else is said', () => {
		// Camus Energy's and GitLab's postings state no kind but this; the hand labels read them as full-time.
		const camus = 'Comprehensive benefits, including FSA and 401k for full time employees';
		expect(employmentFromText('Infrastructure Software Engineer', ['Fully remote workplace', camus])).toEqual({ value: 'FULL_TIME', evidence: camus });
		expect(employmentFromText('AI Engineer', [], ['How GitLab Supports Full-Time Employees'])).toEqual({ value: 'FULL_TIME', evidence: 'How GitLab Supports Full-Time Employees' });
		// A kind the role text or title states wins, and one that disagrees is not overruled.
		expect(employmentFromText('Data Science Intern', [camus])).toEqual({ value: 'INTERN', evidence: 'Data Science Intern' });
		expect(employmentFromText('Barista', ['This is a part-time position.', camus])?.value).toBe('PART_TIME');
		expect(employmentFromText('Engineer', ['This is a full-time or part-time position.', camus])).toBeUndefined();
		// Before: full-time. Benefits for both kinds say the company hires both.
		expect(employmentFromText('Head of People', ['Our benefits include 25 days holiday for full-time employees; part-time employees get pro-rata.'])).toBeUndefined();
	});

	it('reads a short line of terms alone, and Russian and Ukrainian words for them', () => {
		// Before: nothing.
		expect(employmentFromText('Engineer', ['Full-time, hybrid'])?.value).toBe('FULL_TIME');
		expect(employmentFromText('Engineer', ['Temporary (6 months)'])?.value).toBe('TEMPORARY');
		expect(employmentFromText('Инженер', ['Полная занятость, гибридный формат'])?.value).toBe('FULL_TIME');
		expect(employmentFromText('Инженер', ['Тип занятости: частичная занятость'])?.value).toBe('PART_TIME');
		expect(employmentFromText('Стажер-разработчик', [])?.value).toBe('INTERN');
		expect(employmentTypeOf('Проектная работа')).toBe('CONTRACTOR');
		// A line about something else, or about other people, states nothing.
		expect(employmentFromText('Engineer', ['Temporary housing provided'])).toBeUndefined();
		expect(employmentFromText('Engineer', ['Part-time employees get pro-rata leave'])).toBeUndefined();
	});

	it('reads a bare "Type:" label and the UK\'s "FTC" in a title', () => {
		// Before: nothing.
		expect(employmentFromText('Engineering Manager', ['Type: Contract', 'Duration: 6 months'])).toEqual({ value: 'CONTRACTOR', evidence: 'Type: Contract' });
		expect(employmentFromText('Talent Acquisition Partner (12-month FTC)', [])?.value).toBe('TEMPORARY');
		expect(employmentFromText('People Partner - FTC', [])?.value).toBe('TEMPORARY');
		// The regulator is a subject, not a contract.
		expect(employmentFromText('FTC Compliance Analyst', [])).toBeUndefined();
	});

	it('reads a title\'s terms wherever it states them: in brackets with other items, with their term, or last', () => {
		// Real Greenhouse titles (stop 58's 998 boards), each read as no kind before.
		for (const title of [
			'Data Engineer (Remote / Contract)',
			'Senior Python AI Software Engineer (Contract, Poland)',
			'Account Receivable Associate (6-Month Contract)',
			'Associate Talent Acquisition Partner – Bangkok Based – 10 months Contract',
			'Customer Service Representative  (Lehi 6-month Contract)',
			'Senior Associate Accounting Operations (On Contract)',
			'Sports Data Operator (Civil contract)',
			'Senior Research Associate, DNA Encoded Library Technology ~ Contract',
			'JAVA DEVELOPER - LONDON - CONTRACT OUTSIDE IR35  - FINTECH',
			'Contract Senior Recruiter',
			'Contract: Sr. Analytics Engineer - Internal Data ',
			'Contractor: Lead Analytics Engineer',
			'Optimisation Manager Contract ',
		]) {
			expect(employmentFromText(title, [])?.value, title).toBe('CONTRACTOR');
		}
		for (const title of [
			'Finance Manager (Maternity Cover)',
			'Talent Acquisition Business Partner (Maternity Leave Cover)',
			'AP Accountant (Parental Leave Cover)',
			'Creative Recruiter (Mat Leave Contract)',
			'Creative Director - Social Focused - FTC 12 months',
			'Junior People Operations Partner (1 year FTC)',
			'Senior Motion Designer FTC ',
			// A term is an arrangement, and wins over hours as everywhere else.
			'Business Manager (Full Time - 5 Days/ 40 hours per week)(FTC, 12 Months) - Harrods Knightsbridge',
			// "Contract" is the weakest word: with a fixed term it is one.
			'Senior Communications Specialist (1-Year Contract - Fixed Term)',
		]) {
			expect(employmentFromText(title, [])?.value, title).toBe('TEMPORARY');
		}
		expect(employmentFromText('Planneur Stratégique Junior – H/F – STAGE', [])?.value).toBe('INTERN');
		// A contractor's own word says who is hired, the cover how long.
		expect(employmentFromText('Senior Digital Account Manager - Maternity Cover (Freelance) ', [])?.value).toBe('CONTRACTOR');
		// Contracts as the work, and stages of a rocket, are not terms.
		for (const title of ['Global Supply Manager, Contract Manufacturing (Starlink)', 'Software Engineer - Smart Contract, Bridge', 'Contract Manager - T3G', 'Supervisor, Sales and Contract Administration', 'Launch Engineer, Stage 0 Propellant Generation (Starship)', 'Integration Technician II, Stage Integration, Second Shift', 'Product Designer, Maternity Experience']) {
			expect(employmentFromText(title, []), title).toBeUndefined();
		}
	});

	it('reads France\'s "CDD" in a title, but not banks\' customer due diligence before a job noun', () => {
		// Two real Greenhouse titles, both read as temporary before.
		expect(employmentFromText('CDD Risk Analyst', [])).toBeUndefined();
		expect(employmentFromText('CDD Risk Analyst, Onboarding', [])).toBeUndefined();
		expect(employmentFromText('Chargé de clientèle - CDD', [])?.value).toBe('TEMPORARY');
		expect(employmentFromText('Assistant commercial (CDD 6 mois)', [])?.value).toBe('TEMPORARY');
		expect(employmentFromText('CDD Analyst (Temporary)', [])?.value).toBe('TEMPORARY');
	});

	it('finds the benefits statement in company text however it is written', () => {
		for (const block of ['Our benefits support FullTime employees', 'Benefits for full\u2010time employees', 'Coffee and 401k for full_time employees', 'Le café: 401k for full time employees']) {
			expect(employmentFromText('Engineer', [], ['We are a small team.', block])).toEqual({ value: 'FULL_TIME', evidence: block });
		}
		expect(employmentFromText('Engineer', [], ['We are a small team.', 'Benefits for all our employees'])).toBeUndefined();
	});

	// arbeitnow's German postings (MoaviaMahmood/Arbeitnow-Jobs-ETL-Pipeline, data/bronze_jobs.json): each stated its
	// hours, and none was read.
	it('reads the terms of a line of facts between bars, dots or dashes, a German label, and the hours after a gender marker', () => {
		const read = (block: string) => employmentFromText('Sachbearbeiter (m/w/d)', [block])?.value;
		expect(read('Standort: Osnabrück | Vollzeit | Unbefristet')).toBe('FULL_TIME');
		expect(read('Gräfelfing bei München | Vollzeit | 2 Tage Homeoffice | 30 Urlaubstage')).toBe('FULL_TIME');
		expect(read('📍 Magdeburg (hybrid) · 🕒 Vollzeit')).toBe('FULL_TIME');
		expect(read('IT-Systemtechniker (w/m/d) – vom Allrounder zum echten Profi Dachau – Vollzeit, unbefristet')).toBe('FULL_TIME');
		expect(read('Place of work: Berlin-Friedrichshain / Full-time')).toBe('FULL_TIME');
		expect(read('Art der Stelle: Teilzeit, Festanstellung')).toBe('PART_TIME');
		expect(read('Du bist auf der Suche nach einem neuen Arbeitsplatz als Qualitätsmanager m/w/d Vollzeit im Raum Rottweil?')).toBe('FULL_TIME');
		expect(read('At the Hamburg headquarters, we are looking for you as a full-time (40 hours) IT Support Technician')).toBe('FULL_TIME');
		// Items about other people, or both kinds offered, state nothing.
		expect(read('Team | Part-time employees get pro-rata leave')).toBeUndefined();
		expect(read('Berlin | Vollzeit oder Teilzeit')).toBeUndefined();
	});

	// Israeli employers' postings (yshauly/JobSpy, glassdoor_jobs.json): "משרה מלאה" in 116 of 689, and none was read.
	it('reads Hebrew\'s words for the position, with the preposition or article joined to them, and its label', () => {
		const read = (block: string) => employmentFromText('מתכנן/ת אספקות', [block])?.value;
		expect(read('דרושה עובדת למשרה מלאה באזור המרכז')).toBe('FULL_TIME');
		expect(read('משרה חלקית, 3 ימים בשבוע')).toBe('PART_TIME');
		expect(read('משרת סטודנט - 20 שעות שבועיות')).toBe('PART_TIME');
		expect(read('היקף משרה: מלאה')).toBe('FULL_TIME');
		expect(read('דרוש/ה מתכנן/ת אספקות למשרה זמנית (החלפה לחל"ד)')).toBe('TEMPORARY');
		// "מלאה" (full) alone in prose is no term.
		expect(read('יש לנו תמיכה מלאה של ההנהלה')).toBeUndefined();
	});

	it('lets an arrangement in the title win over other arrangements the text names (arbeitnow\'s "Pflichtpraktikum")', () => {
		const title = 'Pflichtpraktikum (bezahlt) Content Creation & Social Media (m/w/d) bei Fifteen Love';
		const later = 'Perspektive auf eine weiterführende Zusammenarbeit, z.B. als Werkstudent:in, in Voll- oder Teilzeit oder auf Freelance-Basis.';
		expect(employmentFromText(title, [later])).toEqual({ value: 'INTERN', evidence: title });
		// A title that names no arrangement leaves disagreeing statements undecided.
		expect(employmentFromText('Content Creator', ['Wir suchen dich als Werkstudent:in.', 'Wir suchen dich als Praktikant:in.'])).toBeUndefined();
	});

	it('lets an arrangement in the title win over hours in the text, and keeps both as evidence', () => {
		expect(employmentFromText('Data Intern', ['This is a full-time position.'])).toEqual({ value: 'INTERN', evidence: 'Data Intern\nThis is a full-time position.' });
	});
});

describe('ATS mappings use the one normalizer', () => {
	it('employmentTypeFrom lets a title correct a field that states only hours, and only that', () => {
		expect(employmentTypeFrom('FullTime', 'Developer Advocate Intern')).toBe('INTERN');
		// HireVue's SmartRecruiters typeOfEmployment "Part-time" for "Data Science Intern | Fully Remote US": arrangements beat hours.
		expect(employmentTypeFrom('Part-time', 'Data Science Intern | Fully Remote US')).toBe('INTERN');
		expect(employmentTypeFrom('Part-time', 'Werkstudent Marketing (m/w/d)')).toBe('PART_TIME');
		expect(employmentTypeFrom('Part-time', 'Senior Engineer (Full-time)')).toBe('PART_TIME');
		expect(employmentTypeFrom('Contract', 'Developer Advocate Intern')).toBe('CONTRACTOR');
		expect(employmentTypeFrom('FullTime', 'Contract Manager')).toBe('FULL_TIME');
		// With no field, the pipeline reads the title itself, as inferred.
		expect(employmentTypeFrom(undefined, 'Developer Advocate Intern')).toBeUndefined();
	});

	it('Greenhouse reads the metadata fields boards name "Contract Type", "Worker Sub-Type", "Time Type" or "Requisition Type"', () => {
		const base = greenhouseJobSchema.parse((json('greenhouse/jobs.json') as { jobs: unknown[] }).jobs[0]);
		const typeOf = (metadata: Array<{ name: string; value: string | string[] }>) =>
			mapGreenhouseJob({ ...base, metadata: metadata.map((field, id) => ({ id, ...field, value_type: 'single_select' })) }, 'cloudflare').fields.employmentType;
		expect(typeOf([{ name: 'Contract Type', value: 'Permanent' }])).toBe('FULL_TIME');
		expect(typeOf([{ name: 'Worker Sub-Type', value: 'Intern' }, { name: 'Time Type', value: 'Full time' }])).toBe('INTERN');
		expect(typeOf([{ name: 'Requisition Type', value: 'FTE - Regular' }])).toBe('FULL_TIME');
		expect(typeOf([{ name: 'Job Type', value: 'Seasonal' }])).toBe('TEMPORARY');
		// Fields about something else are not read.
		expect(typeOf([{ name: 'Location Type', value: 'On-Site' }, { name: 'Quota Coverage Type', value: 'Account Executive' }])).toBeUndefined();
		expect(typeOf([{ name: 'Work Schedule', value: 'Full-time' }])).toBeUndefined();
		// Names with a label before or a word or note after, from the 998 boards' fields: about 900 roles had no type.
		expect(
			[
				{ name: 'Employment Length', value: 'Permanent' },
				{ name: 'Employment Type English', value: 'Full-time' },
				{ name: 'Employment Type Wurk', value: 'Part Time | Non-Exempt' },
				{ name: 'TH: Employment Type', value: 'Full-time' },
				{ name: 'Employment Status (required)', value: 'Temporary' },
				{ name: 'Time Type - DO NOT CHANGE', value: 'Full-time' },
				{ name: 'Employment Type (N/A)', value: 'Intern' },
			].map((field) => typeOf([field])),
		).toEqual(['FULL_TIME', 'FULL_TIME', 'PART_TIME', 'FULL_TIME', 'TEMPORARY', 'FULL_TIME', 'INTERN']);
	});

	it('Lever reads commitments like "Regular, Salaried, Full Time" and "Trainee"', () => {
		const row = leverPostingSchema.parse((json('lever/page-0.json') as unknown[])[0]);
		const typeOf = (commitment: string) => mapLeverJob({ ...row, categories: { ...row.categories, commitment } }, 'cloudflare').fields.employmentType;
		expect(['Regular, Salaried, Full Time', 'Trainee', 'Werkstudent', "Stage de fin d'études", 'Seasonal'].map(typeOf)).toEqual(['FULL_TIME', 'INTERN', 'PART_TIME', 'INTERN', 'TEMPORARY']);
		// India's payroll words: Paytm's "On-roll" is on the company's payroll; "Off-roll" through an agency.
		expect(['On-roll', 'Off Roll'].map(typeOf)).toEqual(['FULL_TIME', 'CONTRACTOR']);
	});

	it('Ashby: an intern title corrects the default FullTime', () => {
		const raw = structuredClone((json('ashby/job-board.json') as { jobs: Array<Record<string, unknown>> }).jobs[0]!);
		const posting = mapAshbyJob(ashbyJobSchema.parse({ ...raw, title: 'Developer Advocate Intern', employmentType: 'FullTime' }), 'cloudflare');
		expect(posting.fields.employmentType).toBe('INTERN');
	});
});

describe('the pipeline', () => {
	const normalize = (source: string) => normalizePostings([{ file: 'content/postings/role.html', source }], site, { today: TODAY }).postings[0]!;

	it('reads what a recruiter writes in front matter, in their words', () => {
		expect(readPosting({ kind: 'file', path: 'a.html' }, '---\nemploymentType: Werkstudent\n---\n<p>x</p>').frontMatter.employmentType).toBe('PART_TIME');
		expect(readPosting({ kind: 'file', path: 'a.html' }, '---\nemploymentType: Full-time\n---\n<p>x</p>').frontMatter.employmentType).toBe('FULL_TIME');
		expect(readPosting({ kind: 'file', path: 'a.html' }, '---\nemploymentType: per diem\n---\n<p>x</p>').frontMatter.employmentType).toBe('PER_DIEM');
	});

	it('names the file, the field, what it expected and what it found when it cannot read one', () => {
		expect(errorOf([{ file: 'content/postings/odd.html', source: '---\ntitle: X\nemploymentType: Whenever\n---\n<p>Role.</p>' }])).toContain(
			'content/postings/odd.html: employmentType: expected a kind of employment such as "Full-time", "Part-time", "Contract", "Temporary", "Intern" or FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN, VOLUNTEER, PER_DIEM, OTHER (found "Whenever")',
		);
	});

	it('infers the type from the role text when neither the ATS nor the front matter gives one, with the sentence as evidence', () => {
		const posting = normalize('---\ntitle: Warehouse Associate\n---\n<p>Help us through the holidays. This seasonal role runs from November to January.</p>');
		expect(posting.employmentType).toBe('TEMPORARY');
		expect(posting.provenance.employmentType).toEqual({ source: 'inferred', evidence: 'Help us through the holidays. This seasonal role runs from November to January.' });
	});

	it('keeps a location line that says more than where in the role text, and reads its terms (arbeitnow\'s German postings)', () => {
		const posting = normalize('---\ntitle: Kaufmännischer Mitarbeiter (m/w/d)\n---\n<p>Standort: Osnabrück | Vollzeit | Unbefristet</p><p>Sie suchen keinen Job nach Schema F?</p>');
		expect(posting.employmentType).toBe('FULL_TIME');
		expect(posting.locations.map((place) => place.city)).toEqual(['Osnabrück']);
		expect(posting.sections[0]!.html).toContain('Standort: Osnabrück | Vollzeit | Unbefristet');
		// A line of places alone is shown above the role text, not in it.
		const placed = normalize('---\ntitle: Kaufmännischer Mitarbeiter (m/w/d)\n---\n<p>Standort: Osnabrück</p><p>Sie suchen keinen Job nach Schema F?</p>');
		expect(placed.sections.map((section) => section.html).join('')).not.toContain('Standort');
		expect(placed.locations.map((place) => place.city)).toEqual(['Osnabrück']);
	});

	it('keeps a given type as given, whatever the text says', () => {
		const posting = normalize('---\ntitle: Analyst\nemploymentType: Part-time\n---\n<p>This is a full-time position.</p>');
		expect(posting.employmentType).toBe('PART_TIME');
		expect(posting.provenance.employmentType).toEqual({ source: 'given' });
	});

	it('leaves it unset when the text only speaks of other people', () => {
		const posting = normalize('---\ntitle: Analyst\n---\n<p>You will work with full-time engineers, our interns, and contractors and vendors.</p>');
		expect(posting).not.toHaveProperty('employmentType');
		expect(posting.provenance).not.toHaveProperty('employmentType');
	});
});
