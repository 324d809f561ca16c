import { describe, expect, it } from 'vitest';
import { makePlace } from '../../src/postings/places/make.ts';
import { jobPostingLdSchema } from '../../src/schemas/job-posting-ld.ts';
import { locationSchema, type Location } from '../../src/schemas/place.ts';
import type { Posting } from '../../src/schemas/posting.ts';
import { jobPostingLd } from '../../src/seo/job-posting.ts';
import { seed, site } from './helpers.ts';

/** An area as the model writes it (src/schemas/place.ts): no country of its own, its members in `countries`. */
const area = (id: string, name: string, countries: string[], workplace: Location['workplace'] = 'remote'): Location =>
	locationSchema.parse({ kind: 'area', id, name, area: name.toUpperCase(), countries, workplace, remote: workplace === 'remote', label: workplace === 'remote' ? `Remote, ${name}` : name });

const ld = (...locations: Location[]) => {
	const posting: Posting = { ...seed('003'), locations };
	return jobPostingLd(posting, site, `https://careers.example.com/jobs/${posting.slug}/`);
};
const address = (parts: Record<string, string>) => ({ '@type': 'Place', address: { '@type': 'PostalAddress', ...parts } });
const country = (name: string) => ({ '@type': 'Country', name });

describe('jobPostingLd with areas and regions', () => {
	const lisbon = makePlace({ city: 'Lisbon', country: 'PT' });
	const austin = makePlace({ city: 'Austin', region: 'TX', country: 'US', workplace: 'hybrid' });
	const emea = area('emea', 'EMEA', ['DE', 'FR', 'GB', 'PT']);

	it('lists every member country of a remote area as an applicant location, each once, beside the offices', () => {
		const data = ld(lisbon, emea, makePlace({ country: 'DE', remote: true }));
		expect(data?.jobLocation).toEqual(address({ addressLocality: 'Lisbon', addressCountry: 'PT' }));
		expect(data?.jobLocationType).toBe('TELECOMMUTE');
		expect(data?.applicantLocationRequirements).toEqual([country('Germany'), country('France'), country('United Kingdom'), country('Portugal')]);
		expect(jobPostingLdSchema.safeParse(data).success).toBe(true);
	});

	it('writes a city’s region code and real country, and never makes an address of an area', () => {
		const data = ld(austin, area('emea', 'EMEA', ['DE', 'FR'], 'onsite'));
		expect(data?.jobLocation).toEqual(address({ addressLocality: 'Austin', addressRegion: 'TX', addressCountry: 'US' }));
		expect(data?.jobLocationType).toBeUndefined();
		expect(data?.applicantLocationRequirements).toBeUndefined();
		expect(jobPostingLdSchema.safeParse(data).success).toBe(true);
	});

	it('gives a remote region its country as the applicant location', () => {
		const data = ld(makePlace({ region: 'TX', country: 'US', remote: true }));
		expect(data?.jobLocation).toBeUndefined();
		expect(data?.applicantLocationRequirements).toEqual(country('United States'));
		expect(jobPostingLdSchema.safeParse(data).success).toBe(true);
	});

	it('names no country for Remote, Worldwide: beside an office it adds nothing, alone there is no markup Google accepts', () => {
		const worldwide = area('worldwide', 'Worldwide', []);
		const data = ld(lisbon, worldwide);
		expect(data?.jobLocation).toEqual(address({ addressLocality: 'Lisbon', addressCountry: 'PT' }));
		expect(data?.applicantLocationRequirements).toBeUndefined();
		// TELECOMMUTE needs at least one applicant country; none is invented.
		expect(ld(worldwide)).toBeUndefined();
	});
});
