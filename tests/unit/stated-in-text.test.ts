import { describe, expect, it } from 'vitest';
import { refineCountries, withRemoteScope } from '../../src/ats/shared/map.ts';
import { locationLine, resolvePlaces } from '../../src/postings/locations.ts';
import { remoteCountriesIn, remoteScopeIn, workplaceInText } from '../../src/postings/places/stated-in-text.ts';

// Sentences from the real postings in tests/fixtures/real/, and a few written the same way in other languages.

describe('workplaceInText', () => {
	it('reads hybrid from days a week in the office', () => {
		const stripe = 'Willingness and ability to work in-office in London at least three days per week.';
		expect(workplaceInText('Account Executive, Bridge', [stripe])).toEqual({ workplace: 'hybrid', evidence: stripe });
		const atom = 'This role is required to be in the office in Boulder or Austin at least 3 days per week.';
		expect(workplaceInText('Principal Software Engineer - Control Systems', [atom])?.workplace).toBe('hybrid');
		expect(workplaceInText('Backend Engineer', ['Du arbeitest 2 Tage pro Woche im Büro in Berlin.'])?.workplace).toBe('hybrid');
		expect(workplaceInText('Développeur', ['Présence au bureau 3 jours par semaine à Paris.'])?.workplace).toBe('hybrid');
	});

	it('reads hybrid from a statement about the role or its way of working', () => {
		expect(workplaceInText('Account Executive', ['This role is hybrid, 3 days a week in our Berlin office.'])?.workplace).toBe('hybrid');
		const anthropic = 'Location-based hybrid policy: Currently, we expect all staff to be in one of our offices at least 25% of the time.';
		expect(workplaceInText('Account Executive, AI Native', [anthropic])).toEqual({ workplace: 'hybrid', evidence: anthropic });
		expect(workplaceInText('Senior Copy Editor', ['📍 Mexico – Mexico City or Guadalajara | Hybrid'])?.workplace).toBe('hybrid');
		expect(workplaceInText('Analista', ['Trabajamos con un modelo híbrido desde Madrid.'])?.workplace).toBe('hybrid');
		// Adyen's Paris posting (Greenhouse, collection I); its Shanghai one says "an office-first company" instead.
		const adyen = 'This role is based in our Paris office. We have a hybrid workplace and value in-person collaboration; we do not offer remote-only roles.';
		expect(workplaceInText('Account Manager', [adyen])).toEqual({ workplace: 'hybrid', evidence: 'We have a hybrid workplace and value in-person collaboration; we do not offer remote-only roles.' });
		expect(workplaceInText('Account Manager', ['This role is based in our Shanghai office. We are an office-first company and value in-person collaboration; we do not offer remote-only roles.'])).toBeUndefined();
	});

	it('does not read hybrid infrastructure or a role mixing two jobs as a way of working', () => {
		const vitol = '3+ years of experience with cloud platform engineering, including building and operating reusable cloud infrastructure, automation, and platform services in an AWS-based hybrid environment.';
		expect(workplaceInText('Platform Engineer', [vitol])).toBeUndefined();
		const weaviate = 'This is a hybrid role: 60% Operations & Project Management (keeping the trains running on time) and 40% Creative Execution.';
		expect(workplaceInText('Developer Marketing Manager', [weaviate])).toBeUndefined();
		expect(workplaceInText('Solutions Architect', ['Experience with hybrid cloud deployments.'])).toBeUndefined();
	});

	it('reads remote from the role, not the company, and from a title ending "(Remote)"', () => {
		expect(workplaceInText('Manager, Provider Recruitment', ['This role is fully remote.'])).toEqual({ workplace: 'remote', evidence: 'This role is fully remote.' });
		expect(workplaceInText('PostgreSQL Database Support Engineer - AMERICAS (Remote)', [])).toEqual({
			workplace: 'remote',
			evidence: 'PostgreSQL Database Support Engineer - AMERICAS (Remote)',
		});
		expect(workplaceInText('Senior Fullstack Engineer', ['Linear is a remote-first company, with optional co-working offices.'])).toBeUndefined();
		expect(workplaceInText('Remote Sensing Scientist', [])).toBeUndefined();
		// Before: none of these (a place in the brackets, Spanish, "100%").
		for (const title of ['Senior Engineer (Remote, US)', 'Ingeniero Senior (Remoto - LATAM)', 'Entwickler (m/w/d) – 100% Remote', 'Engineer - Remote, Germany']) {
			expect(workplaceInText(title, [])?.workplace).toBe('remote');
		}
		// An option is not the role's way of working, and a remote thing is not remote work.
		for (const title of ['Engineer (Remote-friendly)', 'Engineer (Remote possible)', 'Engineer - Remote Monitoring', 'Field Engineer (remote sites)']) {
			expect(workplaceInText(title, [])).toBeUndefined();
		}
	});
});

describe('location lines and a lone workplace in a list', () => {
	it('finds location lines named in other languages', () => {
		expect(locationLine('Standort: München')).toBe('München');
		expect(locationLine('Localisation : Paris')).toBe('Paris');
		expect(locationLine('Ubicación: Ciudad de México')).toBe('Ciudad de México');
	});

	it('gives a lone "Hybrid" of a list to its other places', () => {
		const { places, unplaced } = resolvePlaces(['Mexico – Mexico City or Guadalajara', 'Hybrid']);
		expect(places.map((place) => [place.label, place.workplace])).toEqual([
			['Mexico City, Mexico (hybrid)', 'hybrid'],
			['Guadalajara, Mexico (hybrid)', 'hybrid'],
		]);
		expect(unplaced).toEqual([]);
		// A place's own words still win: "Remote - Germany" stays remote.
		expect(resolvePlaces(['Hybrid', 'Berlin', 'Remote - Germany']).places.map((place) => [place.label, place.workplace])).toEqual([
			['Berlin, Germany (hybrid)', 'hybrid'],
			['Remote, Germany', 'remote'],
		]);
	});
});

describe('refineCountries', () => {
	it('replaces a whole country by the cities another source names in it', () => {
		// Tamara: location.name "Saudi Arabia", office location "Riyadh, Saudi Arabia".
		expect(refineCountries([{ country: 'SA', workplace: 'onsite' }], [{ city: 'Riyadh', region: '01', country: 'SA', workplace: 'onsite' }])).toEqual([
			{ city: 'Riyadh', region: '01', country: 'SA', workplace: 'onsite' },
		]);
	});

	it('leaves places alone when one is already a city, or a finer place lies elsewhere', () => {
		expect(refineCountries([{ city: 'London', country: 'GB', workplace: 'onsite' }], [{ city: 'Manchester', country: 'GB', workplace: 'onsite' }])).toBeUndefined();
		expect(refineCountries([{ country: 'MX', workplace: 'onsite' }], [{ city: 'Austin', region: 'TX', country: 'US', workplace: 'onsite' }])).toBeUndefined();
	});
});

describe('remoteCountriesIn', () => {
	it('reads the country a title or text names as the remote scope', () => {
		expect(remoteCountriesIn('Data Science Intern | Fully Remote US', [])).toEqual(['US']);
		expect(remoteCountriesIn('(Associate) Team Lead - Data Operations', ['[redacted for the fixture] #RemotePortugal #LI-MidSenior'])).toEqual(['PT']);
		expect(remoteCountriesIn('Account Executive', ['This role is remote in the United Kingdom or Ireland.'])).toEqual(['GB']);
		expect(remoteCountriesIn('Backend Engineer (Remote - Spain)', [])).toEqual(['ES']);
		expect(remoteCountriesIn('Développeur', ['Poste en télétravail depuis la France.'])).toEqual(['FR']);
		expect(remoteCountriesIn('Desarrollador', ['Trabajo remoto en España.'])).toEqual(['ES']);
	});

	it('reads nothing from remote words that name no country, or a US state code', () => {
		expect(remoteCountriesIn('Engineer', ['We are a remote-first company.', 'Remote work stipend.', '#LI-Remote'])).toEqual([]);
		expect(remoteCountriesIn('Support Engineer - Remote - CA', [])).toEqual([]);
		expect(remoteCountriesIn('Nurse (Remote IN)', [])).toEqual([]);
	});
});

describe('remoteScopeIn', () => {
	it('reads the countries and areas a sentence says the role is open to', () => {
		expect(remoteScopeIn(['This role is open to candidates based in North America and Europe. You can work from most timezones within these regions.'])?.places).toEqual([
			{ area: 'NORTH_AMERICA' },
			{ area: 'EUROPE' },
		]);
		expect(remoteScopeIn(['For this role, you can be within the Americas region as long as we have a work location entity.'])?.places).toEqual([{ area: 'AMERICAS' }]);
		expect(remoteScopeIn(['We are also open to remote fellows in the UK, US, or Canada.'])?.places).toEqual([{ country: 'GB' }, { country: 'US' }, { country: 'CA' }]);
		expect(remoteScopeIn(['Candidates must be located in Canada or the US.'])?.places).toEqual([{ country: 'CA' }, { country: 'US' }]);
	});

	it('reads nothing from a list with a city or no place in it, or from sentences about something else', () => {
		expect(remoteScopeIn(['This role is open to candidates based in San Francisco or New York.'])).toBeUndefined();
		expect(remoteScopeIn(['You can work from anywhere within those regions.'])).toBeUndefined();
		expect(remoteScopeIn(['Today, our team is distributed across North America, Europe, and Australia.'])).toBeUndefined();
		expect(remoteScopeIn(['You must have work authorization in the US, UK, or Canada and be located in that country during the program.'])).toBeUndefined();
	});
});

describe('withRemoteScope', () => {
	const scope = { places: [{ country: 'US' }, { area: 'EUROPE' }], evidence: 'This role is open to candidates based in the US and Europe.' };

	it('leaves a role with no remote place as it is', () => {
		const notes: string[] = [];
		const berlin = [{ city: 'Berlin', country: 'DE', workplace: 'onsite' as const }];
		expect(withRemoteScope(berlin, scope, notes)).toEqual(berlin);
		expect(notes).toEqual([]);
	});

	it('keeps remote places the sentence leaves out, and says so', () => {
		const notes: string[] = [];
		const india = [{ country: 'IN', workplace: 'remote' as const }];
		expect(withRemoteScope(india, scope, notes)).toEqual(india);
		expect(notes).toEqual(['the text says "This role is open to candidates based in the US and Europe.", which leaves out the remote places IN: kept the ATS\'s places; check the posting']);
	});

	it('reads a worldwide remote role as open where the sentence says', () => {
		expect(withRemoteScope([{ area: 'WORLDWIDE', workplace: 'remote' as const }], scope, [])).toEqual([
			{ country: 'US', workplace: 'remote' },
			{ area: 'EUROPE', workplace: 'remote' },
		]);
	});
});
