import { countryName } from '../postings/places.ts';
import { escapeHtml } from '../postings/dom.ts';
import type { ApplicantAreaLd, JobPostingLd, MonetaryAmountLd, PlaceLd } from '../schemas/job-posting-ld.ts';
import type { Posting, Section } from '../schemas/posting.ts';
import type { Site } from '../schemas/site.ts';

/** What the JSON-LD needs from the site settings. */
export type JobPostingSite = Pick<Site, 'companyName' | 'companyUrl' | 'logo' | 'siteUrl'>;

/** A single value as itself, several as a list: the shape Google's examples use for each. */
function oneOrMany<T>(items: T[]): T | T[] {
	return items.length === 1 ? items[0]! : items;
}

/** Countries whose addresses use the ISO subdivision code itself as the region. */
const POSTAL_CODES = new Set(['US', 'CA', 'AU']);

/**
 * The role's own text as HTML, as the page shows it: each titled section as
 * an `h2` and its body. The company text every posting shares is left out:
 * Google wants the job described, and the boilerplate says nothing about it.
 */
export function roleDescription(sections: Section[]): string {
	return sections.map((section) => (section.title === undefined ? section.html : `<h2>${escapeHtml(section.title)}</h2>${section.html}`)).join('');
}

/**
 * One `Place` per on-site location: its city when the posting names one, else
 * just its country (Google needs only `addressCountry`). A remote location
 * without a city is where applicants may live, not a workplace: it goes to
 * `applicantLocationRequirements` instead.
 */
function places(posting: Posting): PlaceLd[] {
	const seen = new Set<string>();
	const result: PlaceLd[] = [];
	for (const location of posting.locations) {
		// An area is where applicants may live, never an address.
		if ((location.city === undefined && location.remote) || location.country === undefined) continue;
		const key = [location.city, location.region ?? '', location.country].join('|');
		if (seen.has(key)) continue;
		seen.add(key);
		result.push({
			'@type': 'Place',
			address: {
				'@type': 'PostalAddress',
				...(location.city === undefined ? {} : { addressLocality: location.city }),
				// A US, Canadian or Australian code is how addresses there are written ("TX");
				// elsewhere an ISO subdivision code ("11" for Lisbon) means nothing to a reader: the name does.
				...(location.region === undefined ? {} : { addressRegion: POSTAL_CODES.has(location.country) ? location.region : (location.regionName ?? location.region) }),
				addressCountry: location.country,
			},
		});
	}
	return result;
}

/** The countries remote applicants may live in, each once, in the posting's order. */
function remoteCountries(posting: Posting): ApplicantAreaLd[] {
	const seen = new Set<string>();
	const result: ApplicantAreaLd[] = [];
	for (const location of posting.locations) {
		if (!location.remote) continue;
		// Every member of a remote area ("Remote, EMEA"); Worldwide lists none, as it excludes no one.
		for (const country of location.countries) {
			if (seen.has(country)) continue;
			seen.add(country);
			result.push({ '@type': 'Country', name: country === location.country && location.countryName ? location.countryName : countryName(country) });
		}
	}
	return result;
}

/**
 * The posting's pay ranges as `baseSalary`.
 *
 * Several ranges (e.g. one for Colorado, one for New York City) become a list
 * of `MonetaryAmount`s, one per range, each exactly as the page states it.
 * Why not one of the others:
 * - one range spanning them all ($168,000–$229,000) is a range the employer
 *   never stated: Google wants the employer's actual salary and markup that
 *   matches the visible page;
 * - keeping only one range misstates pay for every other place.
 * A ceiling or floor alone ("up to £38,000") is not given at all.
 * A JSON-LD list is how any schema.org property is repeated; Google's parser
 * reads each element as a `baseSalary` and checks it on its own, so every
 * element is a complete, valid `MonetaryAmount`. A single range stays a
 * single object, the shape of Google's own examples.
 */
function baseSalary(posting: Posting): MonetaryAmountLd | MonetaryAmountLd[] | undefined {
	// A ceiling or a floor ("up to £38,000") is left out: Google reads one value or a whole range, and either would
	// state pay the employer never said. The page shows it as written.
	const amounts = posting.payRanges
		.filter((range) => range.bound === undefined)
		.map(
			(range): MonetaryAmountLd => ({
				'@type': 'MonetaryAmount',
				currency: range.currency,
				value: { '@type': 'QuantitativeValue', minValue: range.min, maxValue: range.max, unitText: range.period },
			}),
		);
	return amounts.length === 0 ? undefined : oneOrMany(amounts);
}

/**
 * Google `JobPosting` structured data for an open role, or `undefined` for a
 * closed or draft role and when the role names no place Google can use: it requires a `jobLocation`, or
 * `TELECOMMUTE` with `applicantLocationRequirements`, and a place is never
 * invented (the pipeline warns about roles without one).
 * @param posting the normalized posting
 * @param site the site settings (company name, website, logo)
 * @param url the canonical URL of the role page
 */
export function jobPostingLd(posting: Posting, site: JobPostingSite, url: string): JobPostingLd | undefined {
	// Google wants markup gone once a job is filled: a closed or draft role never gets any.
	if (posting.status !== 'open') return undefined;
	const jobLocation = places(posting);
	const countries = remoteCountries(posting);
	// A role can be both: done in these offices, or remotely from these countries.
	const remote = countries.length > 0;
	if (jobLocation.length === 0 && !remote) return undefined;
	const salary = baseSalary(posting);
	return {
		'@context': 'https://schema.org',
		'@type': 'JobPosting',
		title: posting.title,
		description: roleDescription(posting.sections),
		datePosted: posting.datePosted,
		...(posting.validThrough === undefined ? {} : { validThrough: posting.validThrough }),
		hiringOrganization: {
			'@type': 'Organization',
			name: site.companyName,
			...(site.companyUrl === undefined ? {} : { sameAs: site.companyUrl }),
			...(site.logo === undefined ? {} : { logo: new URL(site.logo, site.siteUrl).href }),
		},
		...(jobLocation.length === 0 ? {} : { jobLocation: oneOrMany(jobLocation) }),
		...(remote ? { jobLocationType: 'TELECOMMUTE' as const, applicantLocationRequirements: oneOrMany(countries) } : {}),
		...(posting.employmentType === undefined ? {} : { employmentType: posting.employmentType }),
		identifier: { '@type': 'PropertyValue', name: site.companyName, value: posting.id },
		...(salary === undefined ? {} : { baseSalary: salary }),
		// Only an applyUrl from the front matter is this role's own application form;
		// the site-wide fallback is a careers page where the candidate must search again.
		directApply: posting.provenance['applyUrl']?.source === 'given',
		url,
	};
}
