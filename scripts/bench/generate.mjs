// Synthetic postings for the scale bench: N posting files varied from
// templates (the seed postings and the real corpus synced into posting
// files), with the facets a large employer's site has: about 30 teams in 7
// departments, a few hundred places (cities, remote countries and areas),
// hubs that carry most roles, seniority in titles and pay ranges in local
// currencies. Deterministic: the same N gives the same files.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Fields a template keeps; everything else (id, slug, title, team, places, dates, pay, the ATS block) the generator sets or drops. */
const KEPT_FIELDS = ['employmentType', 'applyUrl'];

/** Titles for templates that name none in front matter (three of the seeds). */
const FALLBACK_TITLES = ['Systems Engineer', 'Software Engineer', 'Engineering Manager', 'Product Manager', 'Site Reliability Engineer'];

const SENIORITY = [
	{ prefix: '', pay: 1 },
	{ prefix: 'Senior ', pay: 1.3 },
	{ prefix: 'Staff ', pay: 1.6 },
	{ prefix: 'Principal ', pay: 1.9 },
	{ prefix: 'Junior ', pay: 0.75 },
	{ prefix: 'Lead ', pay: 1.45 },
];

/** 30 teams in 7 departments. */
const DEPARTMENTS = {
	Engineering: ['Workers Runtime', 'Storage', 'Networking', 'Edge Compute', 'Observability', 'Developer Platform', 'Identity', 'Payments Infrastructure', 'Data Platform'],
	Security: ['Application Security', 'Detection and Response', 'Cryptography'],
	Product: ['Product Design', 'Product Management', 'Research'],
	'Go-to-Market': ['Enterprise Sales', 'Solutions Engineering', 'Partnerships', 'Customer Success', 'Marketing'],
	Operations: ['Infrastructure Operations', 'Network Strategy', 'Supply Chain'],
	'Business Operations': ['Finance', 'Legal', 'People', 'Recruiting', 'Workplace'],
	Support: ['Technical Support', 'Trust and Safety'],
};
const TEAMS = Object.entries(DEPARTMENTS).flatMap(([department, teams]) => teams.map((team) => ({ department, team })));

/** Country: currency and a base yearly pay for a mid-level role. */
const PAY = {
	US: ['USD', 150000], CA: ['CAD', 130000], MX: ['MXN', 900000], BR: ['BRL', 240000], AR: ['USD', 60000], CO: ['USD', 55000], CL: ['USD', 60000],
	GB: ['GBP', 85000], IE: ['EUR', 90000], PT: ['EUR', 55000], ES: ['EUR', 60000], FR: ['EUR', 70000], DE: ['EUR', 80000], NL: ['EUR', 78000],
	BE: ['EUR', 72000], CH: ['CHF', 130000], AT: ['EUR', 70000], PL: ['PLN', 260000], CZ: ['CZK', 1500000], SE: ['SEK', 750000], DK: ['DKK', 700000],
	FI: ['EUR', 65000], NO: ['NOK', 850000], IT: ['EUR', 55000], IL: ['ILS', 450000], AE: ['AED', 450000], IN: ['INR', 3000000], SG: ['SGD', 140000],
	JP: ['JPY', 11000000], KR: ['KRW', 90000000], AU: ['AUD', 160000], NZ: ['NZD', 130000], CN: ['CNY', 500000], ZA: ['ZAR', 900000], NG: ['USD', 40000],
	KE: ['USD', 40000], EG: ['USD', 35000], TR: ['USD', 50000], PH: ['USD', 35000], ID: ['USD', 35000],
};

/** Cities, hubs first: the first places carry most roles. [city, ISO 3166-2 region or '', country]. */
const CITIES = [
	['San Francisco', 'CA', 'US'], ['Austin', 'TX', 'US'], ['London', '', 'GB'], ['New York', 'NY', 'US'], ['Lisbon', '', 'PT'], ['Singapore', '', 'SG'],
	['Seattle', 'WA', 'US'], ['Toronto', 'ON', 'CA'], ['Berlin', '', 'DE'], ['Bengaluru', 'KA', 'IN'], ['Sydney', 'NSW', 'AU'], ['Tokyo', '', 'JP'],
	['Paris', '', 'FR'], ['Amsterdam', '', 'NL'], ['Dublin', '', 'IE'], ['Chicago', 'IL', 'US'], ['Denver', 'CO', 'US'], ['Boston', 'MA', 'US'],
	['Munich', '', 'DE'], ['Madrid', '', 'ES'], ['Barcelona', '', 'ES'], ['Warsaw', '', 'PL'], ['Zurich', '', 'CH'], ['Stockholm', '', 'SE'],
	['Copenhagen', '', 'DK'], ['Helsinki', '', 'FI'], ['Oslo', '', 'NO'], ['Vienna', '', 'AT'], ['Brussels', '', 'BE'], ['Prague', '', 'CZ'],
	['Milan', '', 'IT'], ['Rome', '', 'IT'], ['Tel Aviv', '', 'IL'], ['Dubai', '', 'AE'], ['Mumbai', 'MH', 'IN'], ['Hyderabad', '', 'IN'],
	['Pune', 'MH', 'IN'], ['Seoul', '', 'KR'], ['Osaka', '', 'JP'], ['Melbourne', 'VIC', 'AU'], ['Auckland', '', 'NZ'], ['Shanghai', '', 'CN'],
	['Beijing', '', 'CN'], ['Sao Paulo', '', 'BR'], ['Mexico City', '', 'MX'], ['Buenos Aires', '', 'AR'], ['Bogota', '', 'CO'], ['Santiago', '', 'CL'],
	['Vancouver', 'BC', 'CA'], ['Montreal', 'QC', 'CA'], ['Atlanta', 'GA', 'US'], ['Miami', 'FL', 'US'], ['Los Angeles', 'CA', 'US'], ['San Diego', 'CA', 'US'],
	['San Jose', 'CA', 'US'], ['Portland', 'OR', 'US'], ['Phoenix', 'AZ', 'US'], ['Dallas', 'TX', 'US'], ['Houston', 'TX', 'US'], ['Washington', 'DC', 'US'],
	['Philadelphia', 'PA', 'US'], ['Pittsburgh', 'PA', 'US'], ['Minneapolis', 'MN', 'US'], ['Salt Lake City', 'UT', 'US'], ['Raleigh', 'NC', 'US'], ['Nashville', 'TN', 'US'],
	['Manchester', '', 'GB'], ['Edinburgh', '', 'GB'], ['Cambridge', '', 'GB'], ['Bristol', '', 'GB'], ['Porto', '', 'PT'], ['Lyon', '', 'FR'],
	['Hamburg', '', 'DE'], ['Frankfurt', '', 'DE'], ['Cologne', '', 'DE'], ['Rotterdam', '', 'NL'], ['Gothenburg', '', 'SE'], ['Krakow', '', 'PL'],
	['Cape Town', '', 'ZA'], ['Johannesburg', '', 'ZA'], ['Lagos', '', 'NG'], ['Nairobi', '', 'KE'], ['Cairo', '', 'EG'], ['Istanbul', '', 'TR'],
	['Manila', '', 'PH'], ['Jakarta', '', 'ID'], ['Brisbane', 'QLD', 'AU'], ['Perth', 'WA', 'AU'], ['Calgary', 'AB', 'CA'], ['Ottawa', 'ON', 'CA'],
	['Chennai', 'TN', 'IN'], ['Gurugram', 'HR', 'IN'], ['Valencia', '', 'ES'], ['Seville', '', 'ES'], ['Lausanne', '', 'CH'], ['Geneva', '', 'CH'],
];
const REMOTE_COUNTRIES = ['US', 'CA', 'GB', 'DE', 'PT', 'ES', 'NL', 'IE', 'FR', 'PL', 'IN', 'BR', 'MX', 'AU', 'JP', 'SG'];
const REMOTE_AREAS = ['EMEA', 'Europe', 'APAC', 'LATAM', 'North America', 'Worldwide'];

/** A small seeded generator (mulberry32): the same N always gives the same postings (and the fuzz test the same input). */
export function seededRandom(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** An index skewed to the front of a list (a few hubs carry most roles), every item still reachable. */
const skewed = (next, length) => Math.min(length - 1, Math.floor(length * next() ** 2.2));

const slugify = (text) =>
	text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');

/** A template: front matter fields kept, a title, and the HTML. */
function readTemplate(source, fallbackTitle) {
	const text = source.replace(/^\uFEFF/, '');
	const match = FENCE.exec(text);
	const fields = match ? (parse(match[1]) ?? {}) : {};
	const kept = Object.fromEntries(KEPT_FIELDS.filter((key) => fields[key] !== undefined).map((key) => [key, fields[key]]));
	const title = typeof fields.title === 'string' ? fields.title : fallbackTitle;
	return { kept, title, html: match ? text.slice(match[0].length) : text };
}

/** Every `.html` posting file under a folder (one level of sub-folders, as the real corpus is written). */
function postingFiles(dir) {
	const out = [];
	for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
		if (entry.isDirectory()) out.push(...postingFiles(join(dir, entry.name)));
		else if (/\.html?$/i.test(entry.name) && !entry.name.startsWith('.')) out.push(join(dir, entry.name));
	}
	return out;
}

/** The items of each list that holds no other list, in an order of this posting's own: every posting's text its own, as at a real employer, whose postings share their company text but not their role text. */
function shuffleLists(html, next) {
	return html.replace(/(<(ul|ol)\b[^>]*>)((?:(?!<\/?(?:ul|ol)\b)[\s\S])*?)(<\/\2>)/gi, (whole, open, _tag, inner, close) => {
		const items = inner.split(/(?=<li\b)/i);
		const head = /^\s*<li\b/i.test(items[0] ?? '') ? '' : items.shift();
		if (items.length < 3) return whole;
		const tail = /\s*$/.exec(items.at(-1))[0];
		items[items.length - 1] = items.at(-1).slice(0, items.at(-1).length - tail.length);
		for (let i = items.length - 1; i > 0; i -= 1) {
			const j = Math.floor(next() * (i + 1));
			[items[i], items[j]] = [items[j], items[i]];
		}
		return `${open}${head}${items.join('')}${tail}${close}`;
	});
}

function place(next) {
	const roll = next();
	if (roll < 0.8) {
		const [city, region, country] = CITIES[skewed(next, CITIES.length)];
		const workplace = next() < 0.25 ? 'hybrid' : 'onsite';
		return { country, value: { city, ...(region ? { region } : {}), country, workplace } };
	}
	if (roll < 0.95) {
		const country = REMOTE_COUNTRIES[skewed(next, REMOTE_COUNTRIES.length)];
		return { country, value: { country, workplace: 'remote' } };
	}
	return { country: 'US', value: { area: REMOTE_AREAS[Math.floor(next() * REMOTE_AREAS.length)], workplace: 'remote' } };
}

/**
 * Writes `count` postings into `dir` from the templates in `templateDirs`.
 *
 * @returns what was written: counts of postings, templates, distinct bodies, teams and distinct places, and the input's bytes
 */
export function writeScalePostings(dir, count, templateDirs) {
	const templates = templateDirs.flatMap(postingFiles).map((file, index) => readTemplate(readFileSync(file, 'utf8'), FALLBACK_TITLES[index % FALLBACK_TITLES.length]));
	if (templates.length === 0) throw new Error(`no template postings in ${templateDirs.join(', ')}`);
	const next = seededRandom(count);
	const width = String(count - 1).length;
	const places = new Set();
	const bodies = new Set();
	let bytes = 0;
	for (let i = 0; i < count; i += 1) {
		const template = templates[i % templates.length];
		const seniority = SENIORITY[Math.floor(next() * SENIORITY.length)];
		const { department, team } = TEAMS[skewed(next, TEAMS.length)];
		const title = `${seniority.prefix}${template.title}${next() < 0.3 ? `, ${team}` : ''}`;
		const chosen = Array.from({ length: 1 + Math.floor(next() ** 3 * 3) }, () => place(next));
		const locations = [...new Map(chosen.map((entry) => [JSON.stringify(entry.value), entry.value])).values()];
		for (const location of locations) places.add(JSON.stringify(location));
		const [currency, base] = PAY[chosen[0].country] ?? PAY.US;
		const min = Math.round((base * seniority.pay * (0.85 + next() * 0.3)) / 1000) * 1000;
		const day = new Date(Date.UTC(2026, 0, 1) + Math.floor(next() * 300) * 86400000).toISOString().slice(0, 10);
		const fields = {
			id: `scale-${i}`,
			// Titles repeat across postings (as at any large employer): the number keeps each URL its own.
			// A title with no Latin letters (Databricks' Japanese one) gives no words: the number alone would not be a slug.
			slug: `${slugify(title).slice(0, 60).replace(/-+$/, '') || 'role'}-${i}`,
			title,
			department,
			team,
			locations,
			datePosted: day,
			...template.kept,
			...(next() < 0.7 ? { payRanges: [{ min, max: Math.round((min * 1.25) / 1000) * 1000, currency, period: 'YEAR' }] } : {}),
		};
		// A generator of its own, so the fields above stay what they were before bodies were varied.
		const body = shuffleLists(template.html, seededRandom(count + 1 + i));
		bodies.add(body);
		const source = `---\n${stringify(fields, { flowCollectionPadding: false, lineWidth: 0 })}---\n${body}`;
		writeFileSync(join(dir, `scale-${String(i).padStart(width, '0')}.html`), source);
		bytes += Buffer.byteLength(source);
	}
	return { count, templates: templates.length, distinctBodies: bodies.size, teams: TEAMS.length, places: places.size, inputBytes: bytes };
}

/**
 * Changes one posting the way a recruiter fixing a sentence would: a
 * paragraph added to the end of its text. Its page, JSON and search entry
 * change; its title, team and places (so its card and the listings' links) do not.
 *
 * @param index which posting, in file-name order (each round of the scale bench changes another)
 */
export function changeOnePosting(dir, index = 0) {
	const names = readdirSync(dir).filter((name) => name.endsWith('.html')).sort();
	const file = join(dir, names[index % names.length]);
	writeFileSync(file, `${readFileSync(file, 'utf8')}\n<p>Interviews for this role take place in one day, on site or by video.</p>\n`);
	return file;
}
