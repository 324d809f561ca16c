// Writes a postings folder of many real-looking roles, for the listing's
// end-to-end tests and scripts/bench-listing.mjs: real cities in many
// countries, remote scopes ("Remote - US", "Remote - Europe"), departments
// with their teams, titles at several levels, posting days over half a year.
// Deterministic: the same count gives the same files.
//
//   node scripts/many-roles.mjs <folder> <count>
//
// The postings go to <folder>/postings/, the settings to <folder>/site.yaml
// (socialCards: site, so a test build draws no cards): build with
// POSTINGS_DIR=<folder>/postings SITE_CONFIG=<folder>/site.yaml.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Places as a recruiter writes them; the pipeline's resolver places each. */
export const CITIES = [
	'Austin, Texas', 'Dallas, Texas', 'Houston, Texas', 'San Francisco, CA', 'San Jose, CA', 'Los Angeles, CA', 'San Diego, CA', 'Seattle, WA',
	'Portland, OR', 'Denver, CO', 'Boulder, CO', 'Chicago, IL', 'New York, NY', 'Boston, MA', 'Washington, DC', 'Atlanta, GA', 'Miami, FL',
	'Phoenix, AZ', 'Salt Lake City, UT', 'Minneapolis, MN', 'Pittsburgh, PA', 'Philadelphia, PA', 'Raleigh, NC', 'Nashville, TN',
	'Toronto, Ontario', 'Ottawa, Ontario', 'Vancouver, British Columbia', 'Montreal, Quebec', 'Calgary, Alberta', 'Mexico City, Mexico',
	'São Paulo, Brazil', 'Rio de Janeiro, Brazil', 'Buenos Aires, Argentina', 'Santiago, Chile', 'Bogotá, Colombia', 'Lima, Peru',
	'London, United Kingdom', 'Manchester, United Kingdom', 'Edinburgh, United Kingdom', 'Dublin, Ireland', 'Lisbon, Portugal', 'Porto, Portugal',
	'Madrid, Spain', 'Barcelona, Spain', 'Paris, France', 'Lyon, France', 'Amsterdam, Netherlands', 'Rotterdam, Netherlands', 'Brussels, Belgium',
	'Berlin, Germany', 'Munich, Germany', 'Hamburg, Germany', 'Frankfurt, Germany', 'Zurich, Switzerland', 'Geneva, Switzerland', 'Vienna, Austria',
	'Milan, Italy', 'Rome, Italy', 'Copenhagen, Denmark', 'Stockholm, Sweden', 'Oslo, Norway', 'Helsinki, Finland', 'Warsaw, Poland', 'Kraków, Poland',
	'Prague, Czechia', 'Budapest, Hungary', 'Bucharest, Romania', 'Athens, Greece', 'Istanbul, Turkey', 'Tel Aviv, Israel', 'Dubai, United Arab Emirates',
	'Cairo, Egypt', 'Lagos, Nigeria', 'Nairobi, Kenya', 'Cape Town, South Africa', 'Johannesburg, South Africa', 'Bengaluru, India', 'Mumbai, India',
	'New Delhi, India', 'Hyderabad, India', 'Singapore, Singapore', 'Kuala Lumpur, Malaysia', 'Jakarta, Indonesia', 'Manila, Philippines', 'Bangkok, Thailand',
	'Ho Chi Minh City, Vietnam', 'Hong Kong, Hong Kong', 'Taipei, Taiwan', 'Seoul, South Korea', 'Tokyo, Japan', 'Osaka, Japan', 'Sydney, Australia',
	'Melbourne, Australia', 'Brisbane, Australia', 'Auckland, New Zealand',
];

/** Remote scopes as postings name them. */
export const REMOTE_SCOPES = ['Remote - US', 'Remote - Canada', 'Remote - UK', 'Remote - Germany', 'Remote - Europe', 'Remote - EMEA', 'Remote - APAC', 'Remote - Americas'];

/** Departments and their teams. */
export const DEPARTMENTS = {
	Engineering: ['Workers Runtime', 'Observability', 'Storage', 'Networking', 'Developer Platform', 'Identity', 'Billing Systems', 'Mobile'],
	'Security & Trust': ['Application Security', 'Detection & Response', 'Compliance', 'Trust & Safety'],
	Product: ['Product Management', 'Product Design', 'User Research'],
	Data: ['Data Engineering', 'Machine Learning', 'Analytics'],
	'Go-to-Market': ['Enterprise Sales', 'Solutions Engineering', 'Customer Success', 'Partnerships', 'Marketing'],
	Operations: ['Infrastructure', 'Site Reliability', 'IT', 'Facilities'],
	People: ['Recruiting', 'People Operations'],
	'Finance & Legal': ['Finance', 'Legal'],
};

const JOBS = ['Software Engineer', 'Systems Engineer', 'Engineering Manager', 'Product Manager', 'Designer', 'Data Scientist', 'Analyst', 'Account Executive', 'Solutions Engineer', 'Specialist', 'Program Manager', 'Technical Writer'];
const LEVELS = ['', 'Senior ', 'Staff ', 'Principal ', 'Associate ', 'Lead '];

/** A small linear congruential generator: the same roles on every machine. */
function random(seed) {
	let state = seed >>> 0;
	return () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

const day = (base, minus) => new Date(Date.parse(`${base}T00:00:00Z`) - minus * 86_400_000).toISOString().slice(0, 10);

/**
 * Writes `count` postings into `<dir>/postings/` (emptied first) and
 * `<dir>/site.yaml`; roles are posted on days up to 180 before `newest`.
 * Returns the build's environment and the number of places and teams used.
 */
export function writeManyRoles(dir, count, { newest = '2026-11-20' } = {}) {
	const postings = join(dir, 'postings');
	rmSync(postings, { recursive: true, force: true });
	mkdirSync(postings, { recursive: true });
	const next = random(count);
	const pick = (list) => list[Math.floor(next() * list.length)];
	const departments = Object.entries(DEPARTMENTS);
	for (let i = 0; i < count; i += 1) {
		const [department, teams] = pick(departments);
		const team = pick(teams);
		const title = `${pick(LEVELS)}${pick(JOBS)}, ${team} ${i}`;
		// Most roles name one or two cities; some are remote in a scope, some both.
		const roll = next();
		const places = roll < 0.55 ? [pick(CITIES)] : roll < 0.75 ? [pick(CITIES), pick(CITIES)] : roll < 0.92 ? [pick(REMOTE_SCOPES)] : [pick(CITIES), pick(REMOTE_SCOPES)];
		const front = [
			`id: many-${i}`,
			`title: ${JSON.stringify(title)}`,
			`department: ${JSON.stringify(department)}`,
			`team: ${JSON.stringify(team)}`,
			'locations:',
			...[...new Set(places)].map((place) => `  - ${JSON.stringify(place)}`),
			`datePosted: ${day(newest, Math.floor(next() * 180))}`,
			'employmentType: full-time',
		];
		const body = [
			'<h3>About the role</h3>',
			`<p>The ${team} team in ${department} is hiring a ${title.replace(/ \d+$/, '')}. You will work with people across the company on problems that matter to millions of customers.</p>`,
			"<h3>What you'll do</h3>",
			`<ul><li>Own projects of the ${team} team from design to launch.</li><li>Work with ${pick(teams)} and ${pick(teams)} on shared goals.</li><li>Help the team grow through reviews, mentoring and hiring.</li></ul>`,
			'<h3>What you bring</h3>',
			`<ul><li>Experience in a role like this one, or the will to learn it fast.</li><li>Clear writing and a habit of measuring what you ship.</li></ul>`,
		].join('\n');
		writeFileSync(join(postings, `many-${String(i).padStart(5, '0')}.html`), `---\n${front.join('\n')}\n---\n${body}\n`);
	}
	writeFileSync(
		join(dir, 'site.yaml'),
		[
			'companyName: Example Co',
			'companyUrl: https://example.com/',
			'siteUrl: https://careers.example.com/',
			'title: Careers at Example Co',
			'brandColor: "#1d4ed8"',
			'defaultApplyUrl: https://example.com/careers/apply',
			'socialCards: site',
			'',
		].join('\n'),
	);
	return {
		env: { POSTINGS_DIR: postings, SITE_CONFIG: join(dir, 'site.yaml') },
		count,
		places: CITIES.length + REMOTE_SCOPES.length,
		teams: Object.values(DEPARTMENTS).flat().length,
	};
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const [dir, count] = process.argv.slice(2);
	if (!dir || !Number(count)) {
		console.error('Usage: node scripts/many-roles.mjs <folder> <count>');
		process.exit(2);
	}
	console.log(writeManyRoles(dir, Number(count)));
}
