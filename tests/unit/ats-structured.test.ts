import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sources } from '../../src/ats/registry.ts';
import { statedInText, withListedPlaces } from '../../src/ats/shared/map.ts';
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
		// On site by its "Location Type" field, made hybrid by the board's "Location-based hybrid policy".
		expect(anthropic.fields.locations).toContainEqual({ city: 'London', country: 'GB', workplace: 'hybrid' });
	});

	it('reads "Remote (US)" as a scope, and keeps the several on-site hubs location.name lists beside it', () => {
		const gong = posting('greenhouse', 'gongio', '4679941006');
		expect(gong.fields.locations?.map((place) => [place.city ?? place.country, place.workplace])).toEqual([
			['Austin', 'onsite'],
			['Chicago', 'onsite'],
			['New York', 'onsite'],
			['Salt Lake City', 'onsite'],
			['San Francisco', 'onsite'],
			['US', 'remote'],
		]);
	});

	it('says so when an office is a remote scope with no country', () => {
		expect(posting('greenhouse', 'camusenergy', '5990198004').notes).toContain('office "Remote": a remote scope, but no country we know');
	});

	it('keeps the places of a location.name that says how they are worked, and adds no remote-scope office beside it', () => {
		// "Hybrid - Bangalore, India", filed under the office "Remote - India" (in Mumbai).
		expect(posting('greenhouse', 'coinbase', '8013889').fields.locations).toEqual([{ city: 'Bengaluru', region: 'KA', country: 'IN', workplace: 'hybrid' }]);
		// "Remote - EMEA", filed under "UK - Remote Zone 1 (Job Requisitions Only)".
		expect(posting('greenhouse', 'coinbase', '7875558').fields.locations).toEqual([{ area: 'EMEA', workplace: 'remote' }]);
	});

	it('reads the places location.name lists as where its remote-scope offices are filed, not as on-site places', () => {
		// "Brazil; Colombia, Huila, Colombia; São Paulo, Brazil" for the offices "Brazil - Remote" (São Paulo) and "Colombia - Remote" (Huila).
		const turing = posting('greenhouse', 'turing', '6205748004');
		expect(turing.fields.locations).toEqual([
			{ country: 'BR', workplace: 'remote' },
			{ country: 'CO', workplace: 'remote' },
		]);
		expect(turing.notes).toEqual([
			'location "Brazil; Colombia, Huila, Colombia; São Paulo, Brazil" names an on-site place, but the job\'s offices are remote scopes ("Brazil - Remote", "Colombia - Remote"): kept the offices\' remote places; check the posting',
		]);
	});
});

describe('Lever workplaceType and country', () => {
	it('gives every location the workplace Lever states', () => {
		expect(posting('lever', 'atomcomputing', '41cc7c93').fields.locations).toEqual([
			{ city: 'Boulder', region: 'CO', country: 'US', workplace: 'hybrid' },
			{ city: 'Austin', region: 'TX', country: 'US', workplace: 'hybrid' },
		]);
		// "Portugal - Lisbon", workplaceType remote, and "#RemotePortugal" in the text: remote anywhere in Portugal, as the hand label says.
		const veeva = posting('lever', 'veeva', '466ed4a1');
		expect(veeva.fields.locations).toEqual([{ country: 'PT', workplace: 'remote' }]);
		expect(veeva.notes).toContain('"Lisbon, PT" is a remote role\'s city, and the posting says remote in PT: read as remote anywhere in PT');
	});

	it("uses Lever's country for a location it cannot place, with the workplace", () => {
		const kavak = posting('lever', 'kavak', 'a7adc3c5');
		expect(kavak.fields.locations?.[0]).toMatchObject({ country: 'MX', workplace: 'hybrid' });
	});
});

describe('whom a remote role is open to, as the text says', () => {
	it('adds the areas an eligibility sentence names beside the one Ashby gives', () => {
		// location "Europe", and "This role is open to candidates based in North America and Europe."
		const linear = posting('ashby', 'linear', 'd3bc1ced');
		expect(linear.fields.locations).toEqual([
			{ area: 'NORTH_AMERICA', workplace: 'remote' },
			{ area: 'EUROPE', workplace: 'remote' },
		]);
		expect(linear.notes).toContain(
			'remote EUROPE: the text says "This role is open to candidates based in North America and Europe.": read as remote in NORTH_AMERICA, EUROPE',
		);
	});

	it('narrows a wider area to the country the sentence names, and adds the others', () => {
		// location "North America" (address: United States), and "open to candidates based in the US and Europe".
		expect(posting('ashby', 'linear', 'cd5ae036').fields.locations).toEqual([
			{ country: 'US', workplace: 'remote' },
			{ area: 'EUROPE', workplace: 'remote' },
		]);
	});

	it('widens the city a remote Lever posting is filed under to the region the text names', () => {
		// "New York, NY", workplaceType remote, and "you can be within the Americas region as long as we have a work location".
		expect(posting('lever', 'spotify', 'a0fa7da3').fields.locations).toEqual([{ area: 'AMERICAS', workplace: 'remote' }]);
	});

	it('leaves the on-site places alone and turns the remote scope into the countries named', () => {
		// "Remote-Friendly, United States" and "We are also open to remote fellows in the UK, US, or Canada."
		const anthropic = posting('greenhouse', 'anthropic', '5183044008');
		expect(anthropic.fields.locations?.filter((place) => place.workplace === 'remote')).toEqual([
			{ country: 'GB', workplace: 'remote' },
			{ country: 'US', workplace: 'remote' },
			{ country: 'CA', workplace: 'remote' },
		]);
		expect(anthropic.fields.locations).toContainEqual({ city: 'London', country: 'GB', workplace: 'hybrid' });
	});
});

describe('Greenhouse location fields of the board', () => {
	it('takes the city a "Requisition Location" field and the title name over location.name, with a note', () => {
		// location.name "Bangalore", "Requisition Location: Pune - Amar Business Zone", title "Engineering Manager - Pune".
		const phonepe = posting('greenhouse', 'phonepe', '7653436003');
		expect(phonepe.fields.locations).toEqual([{ city: 'Pune', region: 'MH', country: 'IN', workplace: 'onsite' }]);
		expect(phonepe.notes).toContain(
			'location "Bangalore" and "Requisition Location: Pune - Amar Business Zone" name different cities; the title names Pune: kept Pune; check the posting',
		);
	});
});

describe('SmartRecruiters remote scope in the title', () => {
	it('reads a remote city under "Fully Remote US" as remote anywhere in the US, and the intern title over a Part-time field', () => {
		const hirevue = posting('smartrecruiters', 'HireVue-744000138728139', '744000138728139');
		expect(hirevue.fields.locations).toEqual([{ country: 'US', remote: true }]);
		expect(hirevue.fields.employmentType).toBe('INTERN');
	});
});

describe('SmartRecruiters location lists in the text', () => {
	it('adds the places a "Where are these roles located?" list names beside the field\'s city it also names', () => {
		const wd = posting('smartrecruiters', 'WesternDigital-744000140949875', '744000140949875');
		expect(wd.fields.locations?.map((place) => [place.city, place.country, place.workplace ?? (place.remote ? 'remote' : undefined)])).toEqual([
			['San Jose', 'US', 'hybrid'],
			['Colorado Springs', 'US', 'onsite'],
			['Irvine', 'US', 'onsite'],
			['Longmont', 'US', 'onsite'],
			['Fremont', 'US', 'onsite'],
			['Rochester', 'US', 'onsite'],
		]);
		expect(wd.notes).toContain('the text lists 6 places with "San Jose" among them: kept them all');
	});

	it('reads no list that leaves out the field\'s own place', () => {
		const html = '<p><strong>Locations:</strong></p><ul><li>Berlin, Germany</li><li>Munich, Germany</li></ul>';
		expect(withListedPlaces({ city: 'Hamburg', country: 'DE' }, statedInText('Engineer', html).places)).toEqual([{ city: 'Hamburg', country: 'DE' }]);
		expect(withListedPlaces({ city: 'München', country: 'de' }, statedInText('Engineer', html).places)).toEqual([
			{ city: 'München', country: 'de' },
			{ city: 'Berlin', region: 'BE', country: 'DE', workplace: 'onsite' },
		]);
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

	it('reads an office\'s name as its place, with the job\'s workplace', () => {
		// "Berlin Office", workplaceType Remote: its address region "Berlin-Brandenburg" is not needed (nor known).
		expect(posting('ashby', 'n8n', '42e72645').fields.locations).toEqual([{ city: 'Berlin', region: 'BE', country: 'DE', workplace: 'remote' }]);
	});

	it('places a country worked at the office, in part or whole, at the city of its address; a remote one stays country-wide', () => {
		// "United Kingdom (Hybrid)" at 40 Finsbury Square, London.
		expect(posting('ashby', 'cleo-2', '0ba66d68').fields.locations).toEqual([{ city: 'London', region: 'LND', country: 'GB', workplace: 'hybrid' }]);
		expect(posting('ashby', 'cleo-2', '6011c09e').fields.locations).toEqual([
			{ city: 'London', region: 'LND', country: 'GB', workplace: 'hybrid' },
			{ country: 'GB', workplace: 'remote' },
			{ country: 'ES', workplace: 'hybrid' },
			{ country: 'NL', workplace: 'hybrid' },
		]);
		// "HK - Hong Kong SAR", no workplace stated: on site in Hong Kong.
		expect(posting('ashby', 'airwallex', 'cba0ab2e').fields.locations).toEqual([{ city: 'Hong Kong', country: 'HK', workplace: 'onsite' }]);
	});

	it("sends candidates to the hosted posting's form when a copy of the board leaves applyUrl out, rather than losing the role", () => {
		// Nory's rows as a job tool passed them on: no applyUrl, department, team or workplaceType. Both were refused.
		const nory = posting('ashby', 'nory', '58aff69e');
		expect(nory.fields.applyUrl).toBe('https://jobs.ashbyhq.com/nory/58aff69e-12be-4e26-953b-ffb6915ec701/application');
		// Its places are read as for any row (whether Dublin, with no mode of its own, is remote by the job's isRemote is the labels' open question).
		expect(nory.fields.locations?.map((place) => place.city ?? place.country)).toEqual(['Dublin', 'ES', 'London']);
	});

	it('leaves out an address region it does not know, rather than the posting', () => {
		// n8n's real row with a location name no place reading can use: its postal address places it.
		const document = JSON.parse(readFileSync(join(FIXTURES, 'real', 'ashby', 'n8n.json'), 'utf8')) as { jobs: Array<{ id: string; location: string }> };
		const row = document.jobs.find((job) => job.id.startsWith('42e72645'))!;
		const mapped = sources.ashby.mapDocument({ jobs: [{ ...row, location: 'Product Hub' }] }, 'n8n');
		expect(mapped.postings[0]?.fields.locations).toEqual([{ city: 'Berlin', country: 'DE', workplace: 'remote' }]);
		expect(mapped.postings[0]?.notes).toEqual([
			'location "Product Hub": no country we know; placed from its postal address (Berlin, Berlin-Brandenburg, Germany)',
			'postal address region "Berlin-Brandenburg": not a region of DE we know; left out',
		]);
	});
});

describe('copies of boards that leave fields out', () => {
	// Boards reach the site through other tools too (the corpus's own sources trimmed fields: Nory's applyUrl above).
	// A date or a list left out, or null, is no reason to lose a role: its file's first commit dates it.
	const document = (system: AtsSystem, board: string): unknown => JSON.parse(readFileSync(join(FIXTURES, 'real', system, `${board}.json`), 'utf8'));
	const without = (row: Record<string, unknown>, key: string, value?: null) => {
		const copy = { ...row };
		if (value === null) copy[key] = null;
		else delete copy[key];
		return copy;
	};

	it('keeps a Greenhouse job whose departments and offices are null, and Ashby, Lever and SmartRecruiters postings with no date', () => {
		const greenhouse = document('greenhouse', 'stripe') as { jobs: Array<Record<string, unknown>> };
		const gh = sources.greenhouse.mapDocument({ jobs: [without(without(greenhouse.jobs[0]!, 'departments', null), 'offices', null)] }, 'stripe');
		expect(gh.postings.map((posting) => posting.fields.title)).toEqual(['Account Executive, Commercial Grower (Japanese Fluency)']);

		const ashby = document('ashby', 'ramp') as { jobs: Array<Record<string, unknown>> };
		const ab = sources.ashby.mapDocument({ jobs: [without(ashby.jobs[0]!, 'publishedAt')] }, 'ramp');
		expect(ab.postings).toHaveLength(1);
		expect(ab.postings[0]!.fields.datePosted).toBeUndefined();

		const lever = document('lever', 'kavak') as Array<Record<string, unknown>>;
		const lv = sources.lever.mapDocument([without(lever[0]!, 'createdAt', null)], 'kavak');
		expect(lv.postings).toHaveLength(1);
		expect(lv.postings[0]!.fields.datePosted).toBeUndefined();

		const posting = document('smartrecruiters', 'BoschGroup-744000151640889') as Record<string, unknown>;
		const sr = sources.smartrecruiters.mapDocument(without(posting, 'releasedDate'), 'BoschGroup');
		expect(sr.postings).toHaveLength(1);
		expect(sr.postings[0]!.fields.datePosted).toBeUndefined();
	});
});

describe('Team and department: one convention for every ATS', () => {
	const units = (system: AtsSystem, board: string, id: string) => {
		const { team, department } = posting(system, board, id).fields;
		return { team, department };
	};

	it('takes the unit an ATS states alone as the team, whatever the ATS calls it', () => {
		// Greenhouse files a job under one department, at whatever depth: it is the job's most specific unit.
		expect(units('greenhouse', 'stripe', '8023928')).toEqual({ team: '8589 Bridge - S&M', department: undefined });
		expect(units('greenhouse', 'tamara', '4849504101')).toEqual({ team: 'Risk', department: undefined });
		expect(units('smartrecruiters', 'DeliveryHero-744000154064000', '744000154064000')).toEqual({ team: 'Operations', department: undefined });
	});

	it('takes a broader unit stated beside it as the department', () => {
		// Greenhouse: a "Division" field over the department.
		expect(units('greenhouse', 'duolingo', '8806187002')).toEqual({ team: 'University', department: 'Product' });
		expect(units('lever', 'kavak', 'a7adc3c5')).toEqual({ team: 'Information Security', department: 'Cuenca' });
		expect(units('ashby', 'notion', '05e14247')).toEqual({ team: 'Early Career', department: 'Early Career' });
		// SmartRecruiters: the department object, then the job family group.
		expect(units('smartrecruiters', 'Visa-744000133907678', '744000133907678')).toEqual({ team: 'Software Development/Engineering', department: 'Engineering and Technology' });
		expect(units('smartrecruiters', 'Wise-744000153192361', '744000153192361')).toEqual({ team: 'Engineering', department: 'Technology' });
	});

	it('passes over a unit named as none: Lever\'s team "Unassigned" leaves the department, the team', () => {
		expect(units('lever', 'matchgroup', 'd74b426e')).toEqual({ team: 'Eureka', department: undefined });
		expect(units('lever', 'matchgroup', '1deea0b0')).toEqual({ team: 'Development, Technology', department: 'Eureka' });
	});

	it('passes over SmartRecruiters units that name the company, a place or a code', () => {
		// The department object says "Ubisoft", the brand; "Job Function" and "Job Family" name the units.
		expect(units('smartrecruiters', 'Ubisoft2-744000151103220', '744000151103220')).toEqual({ team: 'Technical Art', department: 'Art' });
		// "Division: United States" says where, not which team.
		expect(units('smartrecruiters', 'WesternDigital-744000140949875', '744000140949875')).toEqual({ team: 'Engineering Support', department: undefined });
		// "Division full name" over the division's code, "DC".
		expect(units('smartrecruiters', 'BoschGroup-744000151640889', '744000151640889')).toEqual({ team: 'Drive and Control Technology', department: undefined });
		// No department object: the "Departments" field is it, without the HR system's "(Department)" after the name.
		expect(units('smartrecruiters', 'Sportradar-744000153670469', '744000153670469')).toEqual({ team: 'Technology and Artificial Intelligence', department: undefined });
	});
});

describe('Places stated in the text where the ATS says less', () => {
	it('reads hybrid from days a week in the office (Greenhouse has no workplace field)', () => {
		expect(posting('greenhouse', 'stripe', '8023928').fields.locations).toEqual([{ city: 'London', country: 'GB', workplace: 'hybrid' }]);
		expect(posting('greenhouse', 'stripe', '8077887').fields.locations).toEqual([
			{ city: 'San Francisco', region: 'CA', country: 'US', workplace: 'hybrid' },
			{ city: 'New York', region: 'NY', country: 'US', workplace: 'hybrid' },
			{ city: 'Seattle', region: 'WA', country: 'US', workplace: 'hybrid' },
			{ city: 'Chicago', region: 'IL', country: 'US', workplace: 'hybrid' },
		]);
	});

	it('lets a hybrid statement refine a company field saying On-Site, with a note', () => {
		const anthropic = posting('greenhouse', 'anthropic', '4461450008');
		expect(anthropic.fields.locations).toEqual([
			{ city: 'New York', region: 'NY', country: 'US', workplace: 'hybrid' },
			{ city: 'San Francisco', region: 'CA', country: 'US', workplace: 'hybrid' },
		]);
		expect(anthropic.notes).toEqual([
			'"Location Type" says on-site; the text says hybrid ("Location-based hybrid policy: Currently, we expect all staff to be in one of our offices at least 25% of the time."): read as hybrid',
		]);
	});

	it("replaces a country-only location by the cities the offices or the text's location line name in it", () => {
		expect(posting('greenhouse', 'tamara', '4683204101').fields.locations).toEqual([{ city: 'Riyadh', region: '01', country: 'SA', workplace: 'onsite' }]);
		const wizeline = posting('greenhouse', 'wizeline', '7233442');
		expect(wizeline.fields.locations).toEqual([
			{ city: 'Mexico City', region: 'CMX', country: 'MX', workplace: 'hybrid' },
			{ city: 'Guadalajara', region: 'JAL', country: 'MX', workplace: 'hybrid' },
		]);
		expect(wizeline.notes).toEqual(['location "Mexico" names a country; the text\'s location line names Mexico City, Guadalajara in it: kept those']);
	});

	it('reads "(Remote)" in the title of an Ashby job with no workplace, for every location', () => {
		const places = posting('ashby', 'percona', 'd49c11d8').fields.locations ?? [];
		expect(places.map((place) => [place.city ?? place.area, place.workplace])).toEqual([
			['AMERICAS', 'remote'],
			['Vancouver', 'remote'],
			['São Paulo', 'remote'],
			['Buenos Aires', 'remote'],
			['Mexico City', 'remote'],
			['Toronto', 'remote'],
			['Montevideo', 'remote'],
		]);
	});

	it('reads a SmartRecruiters company field "Work Persona: Flexible" as hybrid when the flags say nothing', () => {
		expect(posting('smartrecruiters', 'ServiceNow-744000152033408', '744000152033408').fields.locations).toEqual([
			{ city: 'Hyderabad', country: 'IN', remote: false, workplace: 'hybrid' },
		]);
	});
});

describe('SmartRecruiters pay stated in a company field', () => {
	it('reads "Salary Range" and "Job Ad Salary Range" beside the compensation object, once each', () => {
		// "Salary Range: 34.52-46.00" takes the compensation object's currency and hourly period (its own range is 34–47).
		expect(posting('smartrecruiters', 'WesternDigital-744000140949875', '744000140949875').fields.payRanges).toEqual([
			{ min: 34, max: 47, currency: 'USD', period: 'HOUR' },
			{ min: 34.52, max: 46, currency: 'USD', period: 'HOUR' },
		]);
		// "68000 - 87500 GBP Annual" differs from the compensation object's 68,500–87,500: the posting states both.
		expect(posting('smartrecruiters', 'Wise-744000153192361', '744000153192361').fields.payRanges).toEqual([
			{ min: 68500, max: 87500, currency: 'GBP', period: 'YEAR' },
			{ min: 68000, max: 87500, currency: 'GBP', period: 'YEAR' },
		]);
	});
});
