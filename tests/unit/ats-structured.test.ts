import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sources } from '../../src/ats/registry.ts';
import type { AtsPosting } from '../../src/ats/shared/types.ts';
import type { AtsSystem } from '../../src/schemas/ats-link.ts';
import { FIXTURES } from './helpers.ts';

// Every structured field each ATS gives is read before the text: these are
// real boards (tests/fixtures/real/) where a field used to be missed or misread.

function posting(system: AtsSystem, board: string, id: string): AtsPosting {
	const document: unknown = JSON.parse(readFileSync(join(FIXTURES, 'real', system, `${board}.json`), 'utf8'));
	const found = sources[system].mapDocument(document, board).postings.find((candidate) => candidate.id.startsWith(id));
	if (!found) throw new Error(`no posting ${id} on ${system}/${board}`);
	return found;
}

describe('Greenhouse offices', () => {
	it('reads an office named as a remote scope as a remote place, and keeps it over an on-site location.name (with a note)', () => {
		const wizeline = posting('greenhouse', 'wizeline', '7027885');
		expect(wizeline.fields.locations).toEqual([{ country: 'US', workplace: 'remote' }]);
		expect(wizeline.notes).toEqual([
			'location "San Francisco, California, United States" names an on-site place, but the job\'s offices are remote scopes ("US based Remote"): kept the offices\' remote places; check the posting',
		]);
	});

	it('adds a remote-scope office that location.name leaves out, beside the on-site offices', () => {
		const anthropic = posting('greenhouse', 'anthropic', '5183044008');
		expect(anthropic.fields.locations).toContainEqual({ country: 'US', workplace: 'remote' });
		expect(anthropic.fields.locations).toContainEqual({ city: 'London', country: 'GB', workplace: 'onsite' });
	});

	it('says so when an office is a remote scope with no country', () => {
		expect(posting('greenhouse', 'camusenergy', '5990198004').notes).toContain('office "Remote": a remote scope, but no country we know');
	});
});

describe('Lever workplaceType and country', () => {
	it('gives every location the workplace Lever states', () => {
		expect(posting('lever', 'atomcomputing', '41cc7c93').fields.locations).toEqual([
			{ city: 'Boulder', region: 'CO', country: 'US', workplace: 'hybrid' },
			{ city: 'Austin', region: 'TX', country: 'US', workplace: 'hybrid' },
		]);
		// "Portugal - Lisbon", workplaceType remote: the city is read now (the hand label says remote anywhere in Portugal).
		expect(posting('lever', 'veeva', '466ed4a1').fields.locations).toEqual([{ city: 'Lisbon', region: '11', country: 'PT', workplace: 'remote' }]);
	});

	it("uses Lever's country for a location it cannot place, with the workplace", () => {
		const kavak = posting('lever', 'kavak', 'a7adc3c5');
		expect(kavak.fields.locations?.[0]).toMatchObject({ country: 'MX', workplace: 'hybrid' });
	});
});

describe('Ashby workplace and addresses', () => {
	it('reads workplaceType over isRemote: a Hybrid role flagged isRemote is hybrid at headquarters, not remote', () => {
		const ramp = posting('ashby', 'ramp', '67fadb77');
		expect(ramp.fields.locations).toEqual([
			{ city: 'New York', region: 'NY', country: 'US', workplace: 'hybrid' },
			{ city: 'San Francisco', region: 'CA', country: 'US', workplace: 'hybrid' },
		]);
	});

	it('places a secondary location from its postal address when its name alone cannot be placed', () => {
		const cohere = posting('ashby', 'cohere', '73bd3e2b');
		expect(cohere.fields.locations).toContainEqual({ city: 'Montreal', region: 'QC', country: 'CA', workplace: 'remote' });
		// The gazetteer knows Montreal now: the address only confirms it.
		expect(cohere.notes.filter((note) => note.includes('Montreal'))).toEqual([]);
	});

	it('leaves an OnSite job on site everywhere', () => {
		const sarvam = posting('ashby', 'sarvam', '0632eb6b');
		expect(sarvam.fields.locations?.map((place) => place.workplace)).toEqual(['onsite', 'onsite']);
	});
});
