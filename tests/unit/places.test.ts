import { describe, expect, it } from 'vitest';
import type { Location } from '../../src/schemas/place.ts';
import { locationSchema } from '../../src/schemas/place.ts';
import { locationLine, parsePlace, resolveGivenLocation, splitPlaces } from '../../src/postings/locations.ts';
import { countryName, findCountry, isCountryCode } from '../../src/postings/places.ts';
import { resolvePhrase, resolvePlaces, type PlaceContext } from '../../src/postings/places/resolve.ts';
import { placeKey } from '../../src/postings/places/gazetteer.ts';
import { slugify } from '../../src/postings/text.ts';
import { findArea } from '../../src/postings/places/areas.ts';
import { placesFrom } from '../../src/ats/shared/map.ts';

/** "id workplace" of each place, and the phrases left unplaced. */
function read(phrases: string[], context: PlaceContext = {}): string[] {
	const { places, unplaced } = resolvePlaces(phrases, context);
	for (const place of places) locationSchema.parse(place);
	return [...places.map((place) => `${place.id} ${place.workplace}`), ...unplaced.map((phrase) => `unplaced: ${phrase}`)];
}

function one(phrase: string, context: PlaceContext = {}): Location {
	const parsed = parsePlace(phrase, context);
	if (!parsed.ok) throw new Error(parsed.reason);
	return parsed.location;
}

describe('countries: current ISO codes and Kosovo, in the languages postings use', () => {
	it('never files a place under a withdrawn or exceptional code', () => {
		expect(findCountry('France')).toBe('FR');
		for (const code of ['FX', 'SU', 'YU', 'ZR', 'TP', 'DY', 'HV', 'RH', 'UK', 'EU']) expect(isCountryCode(code)).toBe(false);
		expect(countryName('GB')).toBe('United Kingdom');
		expect(countryName('HK')).toBe('Hong Kong');
	});

	it('knows Kosovo by the code in everyday use (XK), its cities, and as part of Europe', () => {
		// Slice's "Pristina" and "Skopje, Pristina", Inspire11's "Prishtina, Kosovo", Bottomline's "Kosovo": no place before.
		expect(isCountryCode('XK')).toBe(true);
		expect(countryName('XK')).toBe('Kosovo');
		expect(read(['Pristina', 'Prishtina, Kosovo', 'Kosovo'])).toEqual(['pristina-kosovo onsite', 'kosovo onsite']);
		expect(read(['Skopje, Pristina'])).toEqual(['skopje-north-macedonia onsite', 'pristina-kosovo onsite']);
		expect(findArea('Europe')?.countries).toContain('XK');
		// Serbia's province of that name stays Serbia's, by its name.
		expect(read(['Kosovo-Metohija'])).toEqual(['kosovo-metohija-serbia onsite']);
	});

	it('reads country names in other languages', () => {
		const names = ['Allemagne', 'Deutschland', 'Alemania', 'España', 'Brasil', 'Österreich', 'Schweiz', 'Suisse', 'Nederland', 'Polska', '日本', 'Türkiye', 'the US', 'UK', 'CAN'];
		expect(names.map(findCountry)).toEqual(['DE', 'DE', 'DE', 'ES', 'BR', 'AT', 'CH', 'CH', 'NL', 'PL', 'JP', 'TR', 'US', 'GB', 'CA']);
	});

	it('reads an area at either end of a place as where it lies, not a remote scope beside it', () => {
		// The Orchard's "Asia, Korea, Seoul", Twist Bioscience's "APAC - China, Guangzhou" and Syska Hennessy's "Boston, NA"
		// each added "Remote, Asia" (APAC, North America) beside the city.
		expect(read(['Asia, Korea, Seoul', 'APAC - China, Guangzhou', 'Boston, NA'])).toEqual(['seoul-south-korea onsite', 'guangzhou-china onsite', 'boston-massachusetts onsite']);
		// A workplace said keeps the area, as does a place outside it and an area in a phrase of its own.
		expect(read(['Remote - Europe, Berlin'])).toEqual(['europe remote', 'berlin-germany remote']);
		expect(read(['EMEA, Tokyo'])).toEqual(['emea remote', 'tokyo-japan onsite']);
		expect(read(['Europe', 'London'])).toEqual(['europe remote', 'london-united-kingdom onsite']);
	});

	it('reads a part of a country as sales teams name it as the country, never a town called "Central"', () => {
		// Databricks' "Central - United States" (ten roles) and "Northeast - United States", Outset Medical's "Pacific
		// Northwest, US", Slice's "Midwest Region, US" and "Southern New Jersey, US" were towns of those names.
		expect(read(['Central - United States', 'Northeast - United States', 'Pacific Northwest, US', 'Midwest Region, US'])).toEqual(['united-states onsite']);
		// A compass word before a state's name is in that state.
		expect(read(['Southern New Jersey, US', 'Upstate New York, US'])).toEqual(['new-jersey-united-states onsite', 'new-york-united-states onsite']);
		// Recursion's "Remote Opportunity - Canada" was a town called Opportunity.
		expect(read(['Remote Opportunity - Canada'])).toEqual(['canada remote']);
		// Towns and districts of such names stay: Hong Kong's Central, North Wales in Pennsylvania, East Los Angeles.
		expect(read(['Central, Hong Kong', 'North Wales, Pennsylvania', 'East LA, CA'])).toEqual(['central-hong-kong onsite', 'north-wales-pennsylvania onsite', 'east-la-california onsite']);
		// A region named for a town is no sales region: Ontario's York Region stays as written.
		expect(read(['York Region, Ontario'])).toEqual(['york-region-ontario onsite']);
	});

	it('reads the misspellings boards write: "Phillipines", "Capetown", "Pennslyvania"', () => {
		expect(read(splitPlaces('Remote, India; Remote, Phillipines'))).toEqual(['india remote', 'philippines remote']);
		expect(read(['Remote, Philipines', 'Capetown'])).toEqual(['philippines remote', 'cape-town-south-africa onsite']);
		// Was Middletown in Ohio, the most populous of its name, "Pennslyvania" left out.
		expect(read(['Middletown, Pennslyvania'])).toEqual(['middletown-pennsylvania onsite']);
	});

	it('gives each item of a bracketed list what stands before the bracket (YC\'s "Remote (A; B)")', () => {
		// Split at its semicolons first, the bracket's workplace reached its first item only: offices in twelve countries.
		expect(read(splitPlaces('Singapore / Remote (SG; ID; IN)'))).toEqual(['singapore onsite', 'singapore remote', 'indonesia remote', 'india remote']);
		expect(read(splitPlaces('San Francisco, CA, US / Remote (Kyiv, Kyiv city, UA; Helsinki, Uusimaa, FI)'))).toEqual([
			'san-francisco-california onsite',
			'kyiv-ukraine remote',
			'helsinki-finland remote',
		]);
		// Brackets that do not pair up are split as before.
		expect(splitPlaces('Remote (US; Canada')).toEqual(['Remote (US', 'Canada']);
	});

	it('reads a country\'s code as the country where a part before it is a town or region there', () => {
		// "City, Region, CC" as Google's place pickers write it: the code was a US state after a name the gazetteer lacks
		// (Toronto in California, Tel Aviv in Illinois), or a place of its own beside the city (Munich and "DE").
		for (const [phrase, place] of [
			['Toronto, Foo, CA', 'toronto-ontario onsite'],
			['Tel Aviv-Yafo, Tel Aviv District, IL', 'tel-aviv-israel onsite'],
			['Munich, Bavaria, DE', 'munich-germany onsite'],
			['Ghent, Flanders, BE', 'gent-belgium onsite'],
			['Bedford, PA', 'bedford-pennsylvania onsite'],
			['Athens, Clarke, GA', 'athens-georgia onsite'],
			// The kind before the name: "State of São Paulo" was a town of that name.
			['São Paulo, State of São Paulo, BR', 'sao-paulo-brazil onsite'],
		] as const) {
			expect(read([phrase]), phrase).toEqual([place]);
		}
	});

	it('reads "+" and "and/or" as joins, and a country joined with one of its regions as the country', () => {
		// Waymo's remote roles: no place before (the "+"), then Hawaii alone, read with commas as a place in the US.
		expect(read(splitPlaces('Mountain View, CA / Remote (Continental US + Hawaii + Canada Only)'))).toEqual([
			'mountain-view-california onsite',
			'united-states remote',
			'canada remote',
		]);
		expect(read(['US + Canada'])).toEqual(['united-states onsite', 'canada onsite']);
		// "and/or" is one join: it was "San Francisco and" and "or US Remote", no place.
		expect(read(['San Francisco and/or US Remote'])).toEqual(['san-francisco-california remote']);
		expect(resolvePlaces(['New York, NY (Remote and/or Hybrid)']).unplaced).toEqual([]);
	});

	it('reads a site before its street address in brackets by the address', () => {
		// Hebrew Public's schools: towns called PHP and HLA before.
		const result = resolvePlaces(['PHP (3300 Henry Avenue Philadelphia, PA 19129)', 'HLA (2186 Mill Avenue Brooklyn, NY 11234)']);
		expect(result.places.map((place) => place.label)).toEqual(['Philadelphia, Pennsylvania', 'Brooklyn, New York']);
		expect(result.notes[0]).toBe('"PHP" in "PHP (3300 Henry Avenue Philadelphia, PA 19129)" names a site, not a place; left out');
		// A bracket with no street in it is read as before.
		expect(read(['Austin (Downtown)'])).toEqual(['austin-texas onsite']);
	});

	it('reads a state code typed as a word after its town ("London, On"), and English names of Polish and Danish regions', () => {
		// "London, On" was London in England, "Mount Vernon, Il" the one in New York, "Tolleson, Az" no place.
		expect(read(['London, On', 'Mount Vernon, Il', 'Tolleson, Az'])).toEqual(['london-ontario onsite', 'mount-vernon-illinois onsite', 'tolleson-arizona onsite']);
		// "Poland - Cracow" (sixteen roles of one board) was Poland alone; LinkedIn's English region names were left out, noted.
		expect(read(['Poland - Cracow'])).toEqual(['krakow-poland onsite']);
		const result = resolvePlaces(['Warsaw, Masovian Voivodeship, Poland', 'København, Capital Region of Denmark, Denmark']);
		expect(result.places.map((place) => `${place.id} ${place.region}`)).toEqual(['warsaw-poland 14', 'copenhagen-denmark 84']);
		expect(result.notes).toEqual([]);
	});
});

describe('cities of the whole world, one id per place', () => {
	it('places cities named without a country', () => {
		expect(read(['Tel Aviv', 'Durban', 'Stockholm', 'Houston'])).toEqual([
			'tel-aviv-israel onsite',
			'durban-south-africa onsite',
			'stockholm-sweden onsite',
			'houston-texas onsite',
		]);
	});

	it('spells the letters Unicode does not decompose in ids as their languages do without the mark', () => {
		// Were "wroc-aw-poland", "odz-poland", "bia-ystok-poland", "troms-norway", "gie-en-germany".
		expect(read(['Wrocław', 'Łódź, Poland', 'Białystok', 'Tromsø', 'Gießen'])).toEqual([
			'wroclaw-poland onsite',
			'lodz-poland onsite',
			'bialystok-poland onsite',
			'tromso-norway onsite',
			'giessen-germany onsite',
		]);
		expect(read(['Wroclaw', 'Lodz', 'Tromso'])).toEqual(['wroclaw-poland onsite', 'lodz-poland onsite', 'tromso-norway onsite']);
		expect([slugify('Yazılım Mühendisi'), slugify('Straße & Bahn'), slugify('Ærø Œuvre')]).toEqual(['yazilim-muhendisi', 'strasse-bahn', 'aero-oeuvre']);
	});

	it('reads a city named alone as the city, not the province or district named for it', () => {
		// Were the provinces of Florence, Padua and Bologna, the Belgian province of Liège, Galicia's A Coruña, the council
		// area "City of Edinburgh", Denmark's old Århus county; Cardiff was in no table (the list names it in Welsh).
		expect(read(['Firenze', 'Padova', 'Bologna', 'Liège', 'A Coruña', 'Edinburgh', 'Århus', 'Cardiff'])).toEqual([
			'florence-italy onsite',
			'padova-italy onsite',
			'bologna-italy onsite',
			'liege-belgium onsite',
			'a-coruna-spain onsite',
			'edinburgh-united-kingdom onsite',
			'aarhus-denmark onsite',
			'cardiff-united-kingdom onsite',
		]);
		// Local names of cities the table has in English.
		expect(read(['Venezia', 'Luzern', 'București', 'Beograd', 'Antwerpen', 'Brugge', 'Athina', 'Freiburg', 'Den Bosch'])).toEqual([
			'venice-italy onsite',
			'lucerne-switzerland onsite',
			'bucharest-romania onsite',
			'belgrade-serbia onsite',
			'antwerp-belgium onsite',
			'bruges-belgium onsite',
			'athens-greece onsite',
			'freiburg-im-breisgau-germany onsite',
			's-hertogenbosch-netherlands onsite',
		]);
		// A state of the US, Canada, Australia or India named alone is the state, as before.
		expect(read(['Delaware', 'Ontario', 'Victoria'])).toEqual(['delaware-united-states onsite', 'ontario-canada onsite', 'victoria-australia onsite']);
	});

	it('gives every spelling of a place one id and the canonical English name, keeping the written words', () => {
		expect(read(['New York', 'New York City', 'NYC', 'New York, NY'])).toEqual(['new-york-new-york onsite']);
		expect(read(['Bombay', 'Mumbai'])).toEqual(['mumbai-india onsite']);
		expect(read(['München', 'Munich'])).toEqual(['munich-germany onsite']);
		expect(read(['Lisboa', 'Lisbon'])).toEqual(['lisbon-portugal onsite']);
		expect(read(['Bangalore', 'Bengaluru'])).toEqual(['bengaluru-india onsite']);
		const bombay = one('Bombay');
		expect([bombay.name, bombay.region, bombay.written]).toEqual(['Mumbai', 'MH', 'Bombay']);
	});

	it('reads "City, Country" where city and country share a name', () => {
		const hongKong = one('Hong Kong, Hong Kong');
		expect([hongKong.kind, hongKong.id, hongKong.country]).toEqual(['city', 'hong-kong-hong-kong', 'HK']);
	});

	it('never glues an unknown part into the city', () => {
		const capeTown = one('Cape Town, Western Cape, South Africa');
		expect([capeTown.city, capeTown.region, capeTown.country, capeTown.label]).toEqual(['Cape Town', 'WC', 'ZA', 'Cape Town, South Africa']);
		const { places, notes } = resolvePlaces(['Bursa, Nilüfer, Turkey']);
		expect(places.map((place) => place.id)).toEqual(['bursa-turkiye']);
		expect(notes).toEqual(['"Nilüfer" in "Bursa, Nilüfer, Turkey" is not a place we know; left out']);
		// A first part the gazetteer lacks, before its country, is kept as the city and says so.
		const parow = one('Parow, South Africa');
		expect([parow.id, parow.evidence]).toEqual(['parow-south-africa', 'Parow: not in the gazetteer; kept as written']);
	});

	it("reads a region code in the country the ATS gives, not as a country", () => {
		const bombay = one('Bombay, MH', { country: 'IN' });
		expect([bombay.id, bombay.region, bombay.country]).toEqual(['mumbai-india', 'MH', 'IN']);
		expect(one('British Columbia, CA').id).toBe('british-columbia-canada');
		expect(one('Ontario, CAN').id).toBe('ontario-canada');
		expect(one('San Francisco, CA').id).toBe('san-francisco-california');
		expect(one('Atlanta, Georgia').id).toBe('atlanta-georgia');
		expect(one('Georgia').id).toBe('georgia');
	});

	it('never moves a place out of the country named after it', () => {
		// Before: St. Petersburg, Florida, and Malta, New York.
		expect(one('St Petersburg, Russia').id).toBe('saint-petersburg-russia');
		const julians = one("St. Julian's, Malta");
		expect([julians.kind, julians.name, julians.country]).toEqual(['city', "St. Julian's", 'MT']);
		expect(read(["St. Julian's, Malta"])).toEqual(['st-julians-malta onsite']);
		// A region code that is also a country's code stays the region: Georgia, not Gabon.
		expect(one('Athens, GA').id).toBe('athens-georgia');
	});

	it('reads "St", "Saint" and "Sankt" as one word, and the names the accents cannot fold', () => {
		expect(read(['St. Gallen', 'Sankt Gallen'])).toEqual(['sankt-gallen-switzerland onsite']);
		expect(one('St. Pölten').id).toBe('sankt-polten-austria');
		expect(read(['Saint Louis', 'St. Louis'])).toEqual(['st-louis-missouri onsite']);
		expect(read(['København', 'Copenhagen'])).toEqual(['copenhagen-denmark onsite']);
		expect(read(['Hà Nội', 'Hanoi'])).toEqual(['hanoi-vietnam onsite']);
	});

	it('places the hubs that Japanese, Korean and Chinese postings name in their own script', () => {
		expect(read(['東京', '東京都', 'Tokyo'])).toEqual(['tokyo-japan onsite']);
		expect(one('東京, 日本').name).toBe('Tokyo');
		expect(read(['서울', '北京', '上海', '台北', '大阪'])).toEqual(['seoul-south-korea onsite', 'beijing-china onsite', 'shanghai-china onsite', 'taipei-taiwan onsite', 'osaka-japan onsite']);
	});
});

describe('towns the city list lacks (GeoNames\' places of 1,000 people or more)', () => {
	it('reads them in a country or state the phrase names, with their region', () => {
		// Arbeitnow's German employers' villages, and towns of New York and Brazil from the thousand boards' rows.
		expect(read(['Dermbach, Germany', 'Ober-Mörlen, Hesse', 'Cobleskill, New York', 'Duque De Caxias, Rio De Janeiro, Brasil'])).toEqual([
			'dermbach-germany onsite',
			'ober-morlen-germany onsite',
			'cobleskill-new-york onsite',
			'duque-de-caxias-brazil onsite',
		]);
		expect(one('Dermbach, Germany')).toMatchObject({ city: 'Dermbach', region: 'TH', country: 'DE' });
		// "DE" after a town of Germany the city list lacks is Germany, not Delaware; after a town of Delaware, Delaware.
		expect([one('Offenbach, DE'), one('Dover, DE')].map(({ city, region, country }) => `${city} ${region} ${country}`)).toEqual(['Offenbach HE DE', 'Dover DE US']);
	});

	it('reads a name alone in the country the ATS gives, but not where towns are written with their state, nor beside a city', () => {
		expect(placesFrom(['Wutöschingen'], { country: 'DE' }).places).toEqual([{ city: 'Wutöschingen', region: 'BW', country: 'DE', workplace: 'onsite' }]);
		expect(placesFrom(['Wutöschingen']).unplaced).toEqual(['Wutöschingen']);
		// Earth, Texas and King, North Carolina are towns too; "Earth" on an Ashby posting in Denver is no place.
		expect(placesFrom(['Earth'], { country: 'US' }).places).toEqual([]);
		expect(placesFrom(['King'], { country: 'US' }).places).toEqual([]);
		// A part of Chicago, not Old Town in Maine; a country the phrase names wins over the ATS's ("Jal." is Jalisco, not Jal, New Mexico).
		expect(placesFrom(['Old Town, Chicago'], { country: 'US' }).places).toEqual([{ city: 'Chicago', region: 'IL', country: 'US', workplace: 'onsite' }]);
		expect(placesFrom(['Guadalajara, Jal., MX'], { country: 'US' }).places).toEqual([{ city: 'Guadalajara', region: 'JAL', country: 'MX', workplace: 'onsite' }]);
		// "Toronto" is the city list's: beside a country it is not in, two places, not Toronto, Ohio.
		expect(placesFrom(['Toronto, Remote in the US']).places[0]).toEqual({ city: 'Toronto', region: 'ON', country: 'CA', workplace: 'remote' });
	});

	it('reads English names of European cities the list names in their own language ("Hanover" was Hanover, Pennsylvania)', () => {
		expect(read(['Hanover', 'Padua, Italy', 'Jerez', 'Luxembourg City'])).toEqual(['hannover-germany onsite', 'padova-italy onsite', 'jerez-de-la-frontera-spain onsite', 'luxembourg-luxembourg onsite']);
		// With its state, still the American town.
		expect(one('Hanover, NH')).toMatchObject({ city: 'Hanover', region: 'NH', country: 'US' });
	});
});

describe('job boards\' location fields (Jobicy, Remotive, Nerdin, Gupy)', () => {
	it('reads a list of countries each named as those countries, not a town of one in another', () => {
		// Jobicy's "Canada,  Mexico,  USA" was Canada and Mexico, Missouri; Remotive's list was Uttarakhand (IN-UK) and India.
		expect(read(['Canada,  Mexico,  USA'])).toEqual(['canada onsite', 'mexico onsite', 'united-states onsite']);
		expect(read(['UK, India, South Africa, Mexico, United Arab Emirates'])).toEqual([
			'united-kingdom onsite',
			'india onsite',
			'south-africa onsite',
			'mexico onsite',
			'united-arab-emirates onsite',
		]);
		// A state's name, a city and its country, and codes that are also states stay as they were.
		expect(read(['Georgia, USA', 'Singapore, Singapore', 'Columbia, MD', 'GA, US'])).toEqual(['georgia-united-states onsite', 'singapore-singapore onsite', 'columbia-maryland onsite']);
	});

	it('reads a Brazilian town with its state\'s code after a hyphen, as after a slash, with the workplace in brackets', () => {
		expect(read(['São Paulo-SP (Híbrido)', 'Barueri-SP', 'Rio de Janeiro-RJ'])).toEqual(['sao-paulo-brazil hybrid', 'barueri-brazil onsite', 'rio-de-janeiro-brazil onsite']);
		// "Kitchener-Waterloo" is one name.
		expect(one('Kitchener-Waterloo, ON')).toMatchObject({ city: 'Kitchener-Waterloo', country: 'CA' });
	});

	it('reads M49\'s Northern America, without Mexico, and Nova Iguaçu, which the city list calls Iguaçu', () => {
		expect(read(['Northern America, Europe, South Africa'])).toEqual(['northern-america remote', 'europe remote', 'south-africa onsite']);
		expect(one('Northern America')).toMatchObject({ area: 'NORTHERN_AMERICA', countries: ['BM', 'CA', 'GL', 'PM', 'US'] });
		expect(one('Nova Iguaçu, Rio de Janeiro, Brasil')).toMatchObject({ city: 'Nova Iguaçu', region: 'RJ', country: 'BR' });
	});
});

describe('ambiguous names, resolved with the evidence at hand', () => {
	it("follows the posting's other places, and says so", () => {
		const [cambridge] = resolvePlaces(['Cambridge', 'London']).places;
		expect([cambridge?.id, cambridge?.evidence]).toEqual(['cambridge-united-kingdom', "Cambridge: United Kingdom, like the posting's other places"]);
	});

	it("follows the ATS's country, then the site's default country", () => {
		expect(one('Cambridge', { country: 'US' }).id).toBe('cambridge-massachusetts');
		const portland = one('Portland', { defaultCountry: 'US' });
		expect(portland.id).toBe('portland-oregon');
	});

	it('falls back on population, and marks close calls "ambiguous"', () => {
		expect(one('Portland').evidence).toBe('Portland: the most populous of 6 places of that name (United States)');
		expect(one('Cambridge').evidence).toBe('Cambridge: ambiguous, the most populous of 7 places of that name (Canada)');
	});

	it('does not let context pick a far smaller place of the same name', () => {
		expect(read(['London'], { country: 'CA' })).toEqual(['london-united-kingdom onsite']);
	});
});

describe('location lines and phrases', () => {
	it.each([
		['Sede: Milano (ibrido)', 'Milano (ibrido)'],
		['Lokalizacja: Warszawa', 'Warszawa'],
		['Ort: Hamburg / Remote', 'Hamburg / Remote'],
		['Arbejdssted: København', 'København'],
		['Sijainti: Helsinki', 'Helsinki'],
		['근무지: 서울', '서울'],
		['工作地点：上海', '上海'],
		// Before: none of these was a location line.
		['Локация: Москва', 'Москва'],
		['Місто: Київ', 'Київ'],
		['Lokasi: Jakarta Selatan', 'Jakarta Selatan'],
		['Konum: İstanbul', 'İstanbul'],
		['Locație: București', 'București'],
		['Τοποθεσία: Αθήνα', 'Αθήνα'],
		['الموقع: دبي', 'دبي'],
		['מיקום: תל אביב', 'תל אביב'],
		['Địa điểm làm việc: Hà Nội', 'Hà Nội'],
		['Sede di lavoro: Milano', 'Milano'],
		['Local: Curitiba, PR', 'Curitiba, PR'],
		// Before: not location lines (a pin, a dash, "(s)", "Based in"), or the line's other fields read as places.
		['📍 Lisbon, Portugal', 'Lisbon, Portugal'],
		['📍Location: Remote, EU', 'Remote, EU'],
		['Location – Paris', 'Paris'],
		['Location(s): Dublin; London', 'Dublin; London'],
		['Based in: Amsterdam', 'Amsterdam'],
		['Location: Remote (US) | Salary: $100k - $120k', 'Remote (US)'],
		['Location: Berlin, Germany. Start date: ASAP', 'Berlin, Germany'],
		['Locations: Austin, TX • Denver, CO', 'Austin, TX • Denver, CO'],
	])('finds the location line "%s"', (block, list) => {
		expect(locationLine(block)).toBe(list);
	});

	// A pin or a dash with no colon makes a location line only of places we know: these stay the role's text (cut from
	// it, a line of prose would be lost, and fail a build whose postings give no places).
	it.each(['📍 A short walk from the station', '📍 Hybrid work model with 2 days in office', 'Location - we are flexible about where you work'])(
		'leaves "%s" in the text',
		(block) => {
			expect(locationLine(block)).toBeUndefined();
		},
	);

	it('reads past what a location line says beside its places: contract, travel, time zones, office days', () => {
		// Written the way postings write their "Location:" lines. Each failed the posting's build ("could not tell where
		// "Full-time" is") for a word that names no place.
		const line = (text: string) => read(splitPlaces(text));
		expect(line('Remote / Full-time')).toEqual(['worldwide remote']);
		expect(line('Berlin, Permanent')).toEqual(['berlin-germany onsite']);
		expect(line('Remote with occasional travel')).toEqual(['worldwide remote']);
		expect(line('Remote — EMEA time zones')).toEqual(['emea remote']);
		expect(line('Munich office (2 days/week)')).toEqual(['munich-germany hybrid']);
		expect(line('Our office in Lisbon or remote')).toEqual(['lisbon-portugal remote']);
		expect(line('Home-based, Germany')).toEqual(['germany remote']);
		expect(line('SF Bay Area')).toEqual(['san-francisco-california onsite']);
		// ISO's region GB-LND is "London, City of": read as the region, this was the City of London.
		expect(line('Greater London')).toEqual(['london-united-kingdom onsite']);
		// The same, as postings in Europe write it.
		expect(line('München (2 Tage/Woche im Büro)')).toEqual(['munich-germany hybrid']);
		expect(line('CDMX (híbrido, 3 días en oficina)')).toEqual(['mexico-city-mexico hybrid']);
		expect(line('Paris (télétravail partiel)')).toEqual(['paris-france hybrid']);
		expect(line('Warszawa (praca hybrydowa)')).toEqual(['warsaw-poland hybrid']);
		expect(line('Kraków, praca zdalna')).toEqual(['krakow-poland remote']);
		// A time zone is hours to keep, not a place: still refused, as written, rather than guessed.
		expect(line('Remote (CET ± 2 hours)')).toEqual(['unplaced: Remote (CET ± 2 hours)']);
	});

	it('splits places on commas only where they separate whole places', () => {
		expect(read(['Columbus', 'New York City, Santa Barbara', 'Remote'])).toEqual([
			'columbus-ohio onsite',
			'new-york-new-york onsite',
			'santa-barbara-california onsite',
			'united-states remote',
		]);
		expect(read(['SF, NYC, SEA, CHI'])).toEqual(['san-francisco-california onsite', 'new-york-new-york onsite', 'seattle-washington onsite', 'chicago-illinois onsite']);
		expect(read(['Dallas, Texas, San Diego, California'])).toEqual(['dallas-texas onsite', 'san-diego-california onsite']);
	});

	it('reads a list of countries as those countries: not North America for "US and Canada", not a town named "France" in Germany', () => {
		// Featherless AI's Ashby board (2026) lists "Remote (US & Canada)"; before, the US was lost at the bracket, and "US
		// and Canada" was North America, which has Mexico too.
		expect(read(['Remote (US & Canada)'])).toEqual(['united-states remote', 'canada remote']);
		expect(read(['Remote (US/Canada)'])).toEqual(['united-states remote', 'canada remote']);
		expect(read(['US and Canada'])).toEqual(['united-states onsite', 'canada onsite']);
		expect(read(['Remote (US, Canada)'])).toEqual(['united-states remote', 'canada remote']);
		expect(read(['France, Germany'])).toEqual(['france onsite', 'germany onsite']);
		expect(read(['UK, Ireland'])).toEqual(['united-kingdom onsite', 'ireland onsite']);
		expect(read(['Remote - North America'])).toEqual(['north-america remote']);
		// A town named like a country, in a region, stays a town; so does one the gazetteer lacks, in its country.
		expect(read(['Peru, Indiana'])).toEqual(['peru-indiana onsite']);
		expect(read(["St. Julian's, Malta"])).toEqual(['st-julians-malta onsite']);
	});

	it('leaves out the time zones written beside places, never reading them as countries', () => {
		// "EST" is also Estonia's three-letter code, "ET" Ethiopia's, "MT" Malta's, "PT" Portugal's.
		expect(read(['Remote - Canada (EST)'])).toEqual(['canada remote']);
		expect(read(['Remote, US (ET)'])).toEqual(['united-states remote']);
		expect(read(['Remote - USA (PT/MT)'])).toEqual(['united-states remote']);
		expect(read(['Remote, US (PST/MST)'])).toEqual(['united-states remote']);
		expect(read(['Remote (US: EST/CST)'])).toEqual(['united-states remote']);
		expect(read(['Remote, Europe (CET +/- 2)'])).toEqual(['europe remote']);
		expect(read(['EMEA (CET ± 3 hours)'])).toEqual(['emea remote']);
		expect(read(['Remote - Americas (EST to PST)'])).toEqual(['americas remote']);
		expect(read(['Remote - US - EST'])).toEqual(['united-states remote']);
		expect(read(['Boston, MA (ET)'])).toEqual(['boston-massachusetts onsite']);
		// Two letters that are the country, or a region of it, of the place beside them are that place.
		expect(read(['Lisbon (PT)', 'Stamford, CT', 'Helena, MT', 'Valletta, MT'])).toEqual(['lisbon-portugal onsite', 'stamford-connecticut onsite', 'helena-montana onsite', 'valletta-malta onsite']);
		// Written out, after a place with or without a separator; "Central" alone is no zone (a district of Hong Kong).
		expect(read(['Remote - US Eastern Time Zone'])).toEqual(['united-states remote']);
		expect(read(['Remote, US (Eastern or Central time zones)'])).toEqual(['united-states remote']);
		expect(read(['Remote (US) - Pacific Time (PT)'])).toEqual(['united-states remote']);
		expect(read(['Remote - Europe, Central European Time'])).toEqual(['europe remote']);
		expect(read(['New York (Eastern Time)'])).toEqual(['new-york-new-york onsite']);
		expect(read(['Remote, Eastern Europe'])).toEqual(['eastern-europe remote']);
		// A time zone and nothing else is no place, as before; "EST" alone was Estonia.
		expect(resolvePlaces(['Remote (CET)']).unplaced).toEqual(['Remote (CET)']);
		expect(resolvePlaces(['Remote - EST']).unplaced).toEqual(['Remote - EST']);
		expect(read(['Tallinn, EST'])).toEqual(['tallinn-estonia onsite']);
		// A zone first, its place in brackets after it (YC's board): the bracket places it, "EST" is no Estonia.
		expect(read(['EST (US East Coast only)', 'PST (Remote - US)'])).toEqual(['united-states onsite', 'united-states remote']);
		expect(read(['CET (Berlin)'])).toEqual(['berlin-germany onsite']);
	});

	it('reads a place written as an address: postcodes, district numbers, a region code with no comma, a Japanese or Korean address', () => {
		expect(read(['10115 Berlin', '75008 Paris', 'Amsterdam 1017 AB', 'London EC2A', 'London, EC1V 9BD', 'Singapore 018989'])).toEqual([
			'berlin-germany onsite',
			'paris-france onsite',
			'amsterdam-netherlands onsite',
			'london-united-kingdom onsite',
			'singapore onsite',
		]);
		expect(read(['Sydney NSW 2000', 'Melbourne VIC 3000'])).toEqual(['sydney-new-south-wales onsite', 'melbourne-victoria onsite']);
		// "Dublin 2, Ireland" was Ireland alone, the city left out; "Dublin 2", "Paris 8e" and "Lyon 3ème" were no place.
		expect(read(['Dublin 2, Ireland', 'Dublin 2'])).toEqual(['dublin-ireland onsite']);
		expect(read(['Paris 8e', 'Lyon 3ème'])).toEqual(['paris-france onsite', 'lyon-france onsite']);
		// 勤務地 and 근무지 lines give a ward's address: its city or prefecture.
		expect(read(['東京都港区', '大阪府大阪市', '横浜市'])).toEqual(['tokyo-japan onsite', 'osaka-japan onsite', 'yokohama-japan onsite']);
		expect(read(['서울 강남구', '서울특별시 강남구'])).toEqual(['seoul-south-korea onsite']);
		expect(read(['Remote - must be based in the UK'])).toEqual(['united-kingdom remote']);
		// The phrase as written stays with the place.
		expect(resolvePlaces(['Sydney NSW 2000']).places[0]!.written).toBe('Sydney NSW 2000');
	});

	it('reads a bracketed town of another country as a district of the place before it', () => {
		// "Whitefield" and "SoMa" were also places in England and elsewhere.
		expect(read(['Bengaluru (Whitefield)', 'San Francisco (SoMa)'])).toEqual(['bengaluru-india onsite', 'san-francisco-california onsite']);
		expect(resolvePlaces(['Bengaluru (Whitefield)']).notes).toEqual(['"Whitefield" in "Bengaluru (Whitefield)" is read as a district of the city beside it, not a town elsewhere; left out']);
		// A bracketed country, or a town of the same country, is read as before.
		expect(read(['Remote (Germany, France)'])).toEqual(['germany remote', 'france remote']);
		expect(read(['Austin (TX)'])).toEqual(['austin-texas onsite']);
	});

	// Location strings as Greenhouse boards publish them (a sweep of 6,599 distinct strings from about a thousand boards).
	it('reads every place of a list with a word, a label or a typo in it, not one place and the rest left out', () => {
		// Before: Chicago alone, then South Africa and Kenya alone, then New York alone.
		expect(read(['SF, Seattle, NYC, Chicago, Toronto, Remote in the US'])).toEqual([
			'san-francisco-california remote',
			'seattle-washington remote',
			'new-york-new-york remote',
			'chicago-illinois remote',
			'toronto-ontario remote',
			'united-states remote',
		]);
		expect(read(['Flexible: Poland, Spain, Portugal, Estonia, Romania, South Africa, and Kenya'])).toEqual(
			['poland', 'spain', 'portugal', 'estonia', 'romania', 'south-africa', 'kenya'].map((id) => `${id} onsite`),
		);
		expect(read(['San Fransisco, New York, Seattle, Chicago'])).toEqual(['san-francisco-california onsite', 'new-york-new-york onsite', 'seattle-washington onsite', 'chicago-illinois onsite']);
		// Codes once a word before them is left out; a code or a short form beside a list's places is read in their country.
		expect(read(['Multiple Locations - CT, IL, MN, MO, NJ, PA'])).toEqual(['connecticut', 'illinois', 'minnesota', 'missouri', 'new-jersey', 'pennsylvania'].map((id) => `${id}-united-states onsite`));
		expect(read(['New York City, Connecticut, Boston, LA, DC'])).toEqual([
			'new-york-new-york onsite',
			'connecticut-united-states onsite',
			'boston-massachusetts onsite',
			'los-angeles-california onsite',
			'washington-district-of-columbia onsite',
		]);
		// One place written in parts stays one: a region the gazetteer lacks, a shop before its city.
		expect(read(['Athens, Attica, Greece', 'Bloomingdale, Beverly Center, Los-Angeles, California'])).toEqual(['athens-greece onsite', 'los-angeles-california onsite']);
	});

	it('reads a town before a US state or Canadian province in that state, even where the gazetteer lacks it', () => {
		// Before: Fremont, California and the state of Washington; Bedford in England and Panama; Sussex in Wisconsin.
		expect(read(['Fremont, WA', 'Bedford, PA', 'Sussex, New Jersey', 'Chesterfield, VA'])).toEqual([
			'fremont-washington onsite',
			'bedford-pennsylvania onsite',
			'sussex-new-jersey onsite',
			'chesterfield-virginia onsite',
		]);
		// Two states, two offices, and New York the city.
		expect(read(['California, Oregon'])).toEqual(['california-united-states onsite', 'oregon-united-states onsite']);
		expect(read(['Hoboken, New York', 'US - New York'])).toEqual(['hoboken-new-jersey onsite', 'new-york-new-york onsite']);
		// A state written alone is the US state, not Liberia's county of its name.
		expect(read(splitPlaces('Delaware; Maryland; Virginia'))).toEqual(['delaware-united-states onsite', 'maryland-united-states onsite', 'virginia-united-states onsite']);
	});

	it('reads regions of a country, North America as sales teams write it, and a country after a place with no comma', () => {
		expect(read(['Remote, Southeast USA', 'Midwest US', 'Remote - USA East Coast'])).toEqual(['united-states remote', 'united-states onsite']);
		expect(read(['Remote - NA, APAC, EMEA'])).toEqual(['north-america remote', 'apac remote', 'emea remote']);
		expect(read(['Windhoek, NA'])).toEqual(['windhoek-namibia onsite']);
		// Alone, "NA" is as often "not applicable": no place (it was Namibia).
		expect(read(['NA'])).toEqual(['unplaced: NA']);
		expect(read(['Tokyo Japan', 'London United Kingdom', 'Santiago de Chile', 'san fran'])).toEqual([
			'tokyo-japan onsite',
			'london-united-kingdom onsite',
			'santiago-chile onsite',
			'san-francisco-california onsite',
		]);
		// A name before a country is no place unless the gazetteer knows it: not "New" in England, nor a company.
		expect(read(['New England', 'Mitratech India'])).toEqual(['unplaced: New England', 'unplaced: Mitratech India']);
		// A town and its state's name with no comma (Pixability's "Boston Massachusetts", DigiCert's "Herndon Virginia"),
		// also as one part of several: Waymo's "Mountain View CA USA" was a town called "Mountain View CA", Impact.com's
		// "Seattle Washington" and Lush's "Bend Oregon" no place. A state named with a compass word stays the state.
		expect(read(['Boston Massachusetts', 'Herndon Virginia'])).toEqual(['boston-massachusetts onsite', 'herndon-virginia onsite']);
		expect(read(splitPlaces('Mountain View CA USA; San Francisco CA USA'))).toEqual(['mountain-view-california onsite', 'san-francisco-california onsite']);
		expect(read(splitPlaces('New York, New York; Santa Barbara, California; Seattle Washington; Columbus, Ohio'))).toEqual([
			'new-york-new-york onsite',
			'santa-barbara-california onsite',
			'seattle-washington onsite',
			'columbus-ohio onsite',
		]);
		expect(read(['Old Mill District, Bend Oregon', 'West Virginia'])).toEqual(['bend-oregon onsite', 'west-virginia-united-states onsite']);
		// With the country after them, the town was kept as written ("Toronto Ontario", in Canada); a town the gazetteer
		// lacks stays so ("Long Beach Island" is no Long Beach in Iceland, as German names it "Island").
		expect(read(['Toronto Ontario, Canada', 'Long Beach Island, NJ'])).toEqual(['toronto-ontario onsite', 'long-beach-island-new-jersey onsite']);
		// A list whose every item is coded country first is a list (Stripe's), not one address: "US-Georgia" was Georgia the
		// country beside the others. "ATL" is Atlanta, as "CHI" is Chicago.
		expect(read(splitPlaces('US-SF, US-Seattle, US-NYC, US-Chicago, US-Georgia or US-Remote'))).toEqual([
			'san-francisco-california onsite',
			'seattle-washington onsite',
			'new-york-new-york onsite',
			'chicago-illinois onsite',
			'georgia-united-states remote',
			'united-states remote',
		]);
		expect(read(splitPlaces('NYC-Privy, US-Remote'))).toEqual(['new-york-new-york onsite', 'united-states remote']);
		// Georgia among US states is the state (Databricks' "Georgia; Illinois; Massachusetts", "Remote - Georgia; Remote -
		// Texas"); alone, or beside other countries, the country. A state only: Luxembourg beside Brussels stays the
		// country, and a code in a list of codes stays a country (PR, Puerto Rico).
		expect(read(splitPlaces('Georgia; Illinois; Massachusetts'))).toEqual(['georgia-united-states onsite', 'illinois-united-states onsite', 'massachusetts-united-states onsite']);
		expect(read(splitPlaces('Remote - Georgia; Remote - Texas'))).toEqual(['georgia-united-states remote', 'texas-united-states remote']);
		expect(read(splitPlaces('Georgia; Armenia'))).toEqual(['georgia onsite', 'armenia onsite']);
		expect(read(splitPlaces('Tbilisi, Georgia; Austin, Texas'))).toEqual(['tbilisi-georgia onsite', 'austin-texas onsite']);
		expect(read(splitPlaces('Luxembourg; Brussels'))).toEqual(['luxembourg onsite', 'brussels-belgium onsite']);
		// Towns of one name in one country: a state the posting names decides (MongoDB's "…; New Jersey; …; Princeton" was
		// Princeton, Florida, the larger); with none named, the larger stays.
		expect(read(splitPlaces('Boston; Miami; New Jersey; New York City; Princeton'))).toEqual([
			'boston-massachusetts onsite',
			'miami-florida onsite',
			'new-jersey-united-states onsite',
			'new-york-new-york onsite',
			'princeton-new-jersey onsite',
		]);
		expect(read(splitPlaces('Atlanta; Austin; Princeton'))).toEqual(['atlanta-georgia onsite', 'austin-texas onsite', 'princeton-florida onsite']);
		// Also in a comma list of states (Guidepost Montessori's "Florida, Georgia, North Carolina").
		expect(read(['Florida, Georgia, North Carolina'])).toEqual(['florida-united-states onsite', 'georgia-united-states onsite', 'north-carolina-united-states onsite']);
		expect(read(['Georgia, Armenia'])).toEqual(['georgia onsite', 'armenia onsite']);
		expect(read(splitPlaces('Remote (US; PR)'))).toEqual(['united-states remote', 'puerto-rico remote']);
		expect(read(splitPlaces('US-ATL, US-CHI'))).toEqual(['atlanta-georgia onsite', 'chicago-illinois onsite']);
		// The list's last "or" is no part of its place (YC's "…; Los Angeles, CA; or San Francisco, CA" was a town called
		// "or San Francisco"); "Or Yehuda" is a city.
		expect(read(splitPlaces('Los Angeles, CA; or San Francisco, CA'))).toEqual(['los-angeles-california onsite', 'san-francisco-california onsite']);
		expect(read(splitPlaces('New York, NY; or Remote'))).toEqual(['new-york-new-york onsite', 'united-states remote']);
		expect(read(['Or Yehuda, Israel'])).toEqual(['or-yehuda-israel onsite']);
		// A zone before the workplace, as after a place, and a list of zones: never Estonia, Ethiopia or Portugal.
		expect(read(splitPlaces('Raleigh, NC / New York, NY / EST Remote'))).toEqual(['raleigh-north-carolina onsite', 'new-york-new-york onsite', 'unplaced: EST Remote']);
		expect(read(['ET/CT/PT Remote'])).toEqual(['unplaced: ET/CT/PT Remote']);
		// A code after a compass word is a region's; a state after a slash, as Brazil writes it; a region of another
		// country amid one country's places is none of them.
		// A street address's street, suite or floor before its town; a state's abbreviation after it; a state before a small
		// town of its name ("California, USA" was California, Maryland); two letters read as the state beside a town of it.
		expect(
			read([
				'602 W Bethel Rd Bethel, ME',
				'1271 Avenue of the Americas, New York, NY, USA',
				'100 Promenade Way, Unit A, Westlake Village, CA 91362',
				'IN, Bangalore Kar',
				'California, USA',
				'Manchester, CT',
			]),
		).toEqual([
			'bethel-maine onsite',
			'new-york-new-york onsite',
			'westlake-village-california onsite',
			'bengaluru-india onsite',
			'california-united-states onsite',
			'manchester-connecticut onsite',
		]);
		// Words boards add beside a place: a warehouse, a global HQ, a region, "local to", "select locations", the
		// contiguous US; a country's and a state's code before a town; neighbourhoods and English names the gazetteer
		// names otherwise. Each was no place.
		expect(
			read([
				'Dallas Warehouse',
				'NYC Global HQ',
				'Austin Region',
				'Hybrid - Local to D.C. metro area',
				'Remote - US: Select locations',
				'Remote, Contiguous United States',
				'US WA Seattle - Remote',
				'AU Melbourne',
				'La Jolla',
				'Ghent',
			]),
		).toEqual([
			'dallas-texas onsite',
			'new-york-new-york onsite',
			'austin-texas onsite',
			'washington-district-of-columbia hybrid',
			'united-states remote',
			'seattle-washington remote',
			'melbourne-victoria onsite',
			'san-diego-california onsite',
			'gent-belgium onsite',
		]);
		expect(read(['US Central', 'US OAK'])).toEqual(['united-states onsite', 'unplaced: US Central']);
		expect(read(['Northern VA', 'Florianópolis/SC', 'Manila, National Capital District, Philippines'])).toEqual([
			'virginia-united-states onsite',
			'florianopolis-brazil onsite',
			'manila-philippines onsite',
		]);
	});

	it('reads a small town of another country beside a city many times its size as a district of that city', () => {
		// Both were places: Whitefield in England beside Bengaluru, Soma in Türkiye beside San Francisco.
		expect(read(['Whitefield, Bengaluru', 'Bengaluru - Whitefield', 'SoMa, San Francisco', 'Chelsea, London'])).toEqual([
			'bengaluru-india onsite',
			'san-francisco-california onsite',
			'london-united-kingdom onsite',
		]);
		expect(resolvePlaces(['Whitefield, Bengaluru']).notes).toEqual(['"Whitefield" in "Whitefield, Bengaluru" is read as a district of the city beside it, not a town elsewhere; left out']);
		// Two offices: a city of some size ("Cork", 222,000), a town of the same country, or a list of more than two.
		expect(read(['Cork, London'])).toEqual(['cork-ireland onsite', 'london-united-kingdom onsite']);
		expect(read(['Hoboken, New York'])).toEqual(['hoboken-new-jersey onsite', 'new-york-new-york onsite']);
		expect(read(['London, Paris'])).toEqual(['london-united-kingdom onsite', 'paris-france onsite']);
	});

	it('reads "only", a US coast, the Greater Toronto Area and Bogotá D.C.', () => {
		expect(read(['Remote (UK only)'])).toEqual(['united-kingdom remote']);
		expect(read(['Remote - US East Coast', 'West Coast, US (Remote)'])).toEqual(['united-states remote']);
		expect(read(['Greater Toronto Area', 'GTA'])).toEqual(['toronto-ontario onsite']);
		expect(read(['Bogotá D.C.'])).toEqual(['bogota-colombia onsite']);
	});

	it('leaves out where a role is not: its places are never the role\'s, and the note says so', () => {
		// Before, "Remote - US (excluding CA, NY)" was New York state, and "US Remote (not available in New York)" the same.
		expect(read(['Remote - US (excluding CA, NY)'])).toEqual(['united-states remote']);
		expect(read(['Remote, US except Colorado', 'US Remote (not available in New York)', 'US (Remote, excl. CA)'])).toEqual(['united-states remote']);
		expect(read(['Remote (US) - excluding Alaska and Hawaii'])).toEqual(['united-states remote']);
		expect(read(['Remote - EMEA (excluding Russia)'])).toEqual(['emea remote']);
		expect(read(['Remote (EU, außer Frankreich)'])).toEqual(['european-union remote']);
		const { places, notes } = resolvePlaces(['Remote - US (excluding CA, NY)']);
		expect(places[0]?.written).toBe('Remote - US (excluding CA, NY)');
		expect(notes).toEqual(['"excluding CA, NY" in "Remote - US (excluding CA, NY)" says where the role is not; left out']);
	});

	it('reads "anywhere in" a place as remote there', () => {
		// Before, "Anywhere in the US" was a town called "Anywhere in the", and the others placed nothing.
		expect(read(['Anywhere in the US'])).toEqual(['united-states remote']);
		expect(read(['Remote (anywhere in Canada)', 'Remote, anywhere in Europe', 'Work from anywhere in LATAM'])).toEqual(['canada remote', 'europe remote', 'latin-america remote']);
		expect(read(['Remote - Anywhere in the US except California'])).toEqual(['united-states remote']);
		// "Anywhere" alone is still anywhere, whatever the site's country.
		expect(read(['Anywhere', 'Anywhere in the world'], { defaultCountry: 'US' })).toEqual(['worldwide remote']);
	});

	it('reads "Mt." and "Ft.", a US state\'s code after a town the gazetteer lacks, and "U.S."', () => {
		// Before: a town "Mt. Pleasant" in the Seychelles (SC), and "Ft. Lauderdale" kept as written.
		expect(read(['Mt. Pleasant, SC', 'Ft. Lauderdale, FL', 'Ft Worth, TX'])).toEqual(['mount-pleasant-south-carolina onsite', 'fort-lauderdale-florida onsite', 'fort-worth-texas onsite']);
		// Before: New Caledonia. A town the gazetteer knows keeps its own country ("Sliema, MT" is in Malta).
		expect(read(['Research Triangle Park, NC', 'Sliema, MT', 'Lisbon, PT'])).toEqual(['research-triangle-park-north-carolina onsite', 'sliema-malta onsite', 'lisbon-portugal onsite']);
		expect(read(['U.S.', 'Remote, U.S.'])).toEqual(['united-states onsite', 'united-states remote']);
	});

	it('reads a state\'s code after a Brazilian city as its state, not a country of that code', () => {
		// Before: "Curitiba, PR" was Curitiba and Puerto Rico, "Belo Horizonte, MG" a town in Madagascar, "Porto Alegre, RS"
		// one in Serbia, "Recife - PE" one in Peru, "Rio de Janeiro, RJ" Rio and Rajasthan.
		expect(read(['Curitiba, PR', 'Belo Horizonte, MG', 'Porto Alegre, RS', 'Recife - PE', 'Rio de Janeiro, RJ', 'Florianópolis, SC', 'Campinas, SP, Brazil'])).toEqual([
			'curitiba-brazil onsite',
			'belo-horizonte-brazil onsite',
			'porto-alegre-brazil onsite',
			'recife-brazil onsite',
			'rio-de-janeiro-brazil onsite',
			'florianopolis-brazil onsite',
			'campinas-brazil onsite',
		]);
		// A code is still the country where the city is in it, and a US state after an American town.
		expect(read(['Lima, PE', 'Valletta, MT', 'Bozeman, MT', 'Cambridge, MA'])).toEqual(['lima-peru onsite', 'valletta-malta onsite', 'bozeman-montana onsite', 'cambridge-massachusetts onsite']);
		// Before: Bogotá and Washington, DC; Buenos Aires and a town in the Philippines (Caba); Monterrey in the Netherlands.
		expect(read(['Bogotá, D.C.', 'Buenos Aires, CABA', 'CABA', 'Monterrey, N.L., México'])).toEqual(['bogota-colombia onsite', 'buenos-aires-argentina onsite', 'monterrey-mexico onsite']);
		expect(read(['NL', 'Amsterdam, NL'])).toEqual(['netherlands onsite', 'amsterdam-netherlands onsite']);
	});

	it('splits a list at "or" and "and", never through a name that holds one', () => {
		// Before: "Republic" (a town in Missouri) and Ireland; the Dutch "of" is "or".
		expect(read(['Dublin, Republic of Ireland', 'Seoul, Republic of Korea', 'Douglas, Isle of Man', 'Tauranga, Bay of Plenty'])).toEqual([
			'dublin-ireland onsite',
			'seoul-south-korea onsite',
			'douglas-isle-of-man onsite',
			'tauranga-new-zealand onsite',
		]);
		expect(read(['Sarajevo, Bosnia and Herzegovina', 'Valladolid, Castilla y León', 'Ålesund, Møre og Romsdal'])).toEqual(['sarajevo-bosnia-herzegovina onsite', 'valladolid-spain onsite', 'alesund-norway onsite']);
		expect(read(['Amsterdam of Rotterdam', 'Berlin, Germany or Paris, France'])).toEqual(['amsterdam-netherlands onsite', 'rotterdam-netherlands onsite', 'berlin-germany onsite', 'paris-france onsite']);
	});

	it('reads "Remote" after a list of cities as each city\'s, and "All locations" after a colon as the place before it', () => {
		// Before: New York on site, San Francisco "or remote".
		expect(read(['NYC / SF / Remote'])).toEqual(['new-york-new-york remote', 'san-francisco-california remote']);
		// A city with its own workplace keeps it.
		expect(read(['Berlin (hybrid) / Munich / Remote'])).toEqual(['berlin-germany hybrid', 'munich-germany remote']);
		// Before: no place.
		expect(read(['Remote - US: All locations'])).toEqual(['united-states remote']);
		expect(read(['All locations', 'Work from anywhere'])).toEqual(['worldwide remote']);
	});

	it('reads part of a place by its compass word as the place, and M49\'s sub-regions as areas', () => {
		// Before: none of these was a place.
		expect(read(['Northern Virginia', 'Southern California (Hybrid)', 'Upstate New York', 'North London', 'Southern Germany'])).toEqual([
			'virginia-united-states onsite',
			'california-united-states hybrid',
			'new-york-united-states onsite',
			'london-united-kingdom onsite',
			'germany onsite',
		]);
		// A name that holds a compass word is the place of that name.
		expect(read(['East London', 'South Africa', 'West Virginia'])).toEqual(['east-london-south-africa onsite', 'south-africa onsite', 'west-virginia-united-states onsite']);
		expect(read(['Remote - West Africa', 'East Africa', 'Sub-Saharan Africa', 'Western Europe', 'South Asia'])).toEqual([
			'west-africa remote',
			'east-africa remote',
			'sub-saharan-africa remote',
			'western-europe remote',
			'south-asia remote',
		]);
		expect(findArea('West Africa')?.countries).toContain('NG');
		expect(findArea('West Africa')?.countries).not.toContain('KE');
		// "Central Europe" has no standard list of countries: it is not read as Europe.
		expect(read(['Central Europe'])).toEqual(['unplaced: Central Europe']);
	});

	it('reads a country named as a whole ("Deutschlandweit", "France entière") as the country, and a line of such words alone as no place', () => {
		// Before: unplaced, which failed the build.
		expect(read(['Deutschlandweit', 'France entière', 'US Nationwide', 'México (todo el país)'])).toEqual(['germany onsite', 'france onsite', 'united-states onsite', 'mexico onsite']);
		// Alone, such words name no place: unplaced (before, "Full-time" was silently nothing), unless the posting's other lines place it.
		expect(read(['Nationwide'])).toEqual(['unplaced: Nationwide']);
		expect(read(['Full-time'])).toEqual(['unplaced: Full-time']);
		expect(read(['Remote', 'Full-time'])).toEqual(['worldwide remote']);
	});

	it('reads a placeholder ("N/A", "TBD") as no place, said whole, and leaves it out beside real places', () => {
		// Two of the 6,599 location strings of a thousand Greenhouse boards: before, "N/A" was two places unknown, "N" and "A".
		expect(read(['N/A'])).toEqual(['unplaced: N/A']);
		expect(read(['n/a'])).toEqual(['unplaced: n/a']);
		expect(read(['TBD'])).toEqual(['unplaced: TBD']);
		expect(read(['Not applicable'])).toEqual(['unplaced: Not applicable']);
		expect(read(['Berlin', 'N/A'])).toEqual(['berlin-germany onsite']);
		expect(read(['Remote', 'N/A'])).toEqual(['worldwide remote']);
	});

	it('reads places written in Cyrillic, Greek, Arabic, Hebrew, Thai and Devanagari, and Vietnamese cities', () => {
		// Before: none of these was a place, and a Russian posting's "Москва" failed its build.
		expect(read(['Москва', 'Санкт-Петербург', 'Київ, Україна', 'Алматы, Казахстан', 'Αθήνα', 'Тбилиси', 'София, България', 'Београд'])).toEqual([
			'moscow-russia onsite',
			'saint-petersburg-russia onsite',
			'kyiv-ukraine onsite',
			'almaty-kazakhstan onsite',
			'athens-greece onsite',
			'tbilisi-georgia onsite',
			'sofia-bulgaria onsite',
			'belgrade-serbia onsite',
		]);
		expect(read(['دبي', 'الرياض، السعودية', 'תל אביב', '東京、大阪'])).toEqual(['dubai-united-arab-emirates onsite', 'riyadh-saudi-arabia onsite', 'tel-aviv-israel onsite', 'tokyo-japan onsite', 'osaka-japan onsite']);
		// Thai, Devanagari and Vietnamese with its "Thành phố" (city) or "TP." before the name: none was a place.
		expect(read(['กรุงเทพฯ, ประเทศไทย', 'मुंबई', 'नई दिल्ली, भारत', 'Thành phố Hồ Chí Minh', 'TP.HCM', 'TP. Đà Nẵng'])).toEqual([
			'bangkok-thailand onsite',
			'mumbai-india onsite',
			'delhi-india onsite',
			'ho-chi-minh-city-vietnam onsite',
			'da-nang-vietnam onsite',
		]);
		// A country's name in another language is not an area's or a region's: "MENA" and "Tunis" stay what they were.
		expect(read(['MENA', 'Tunis', 'Granada', 'Great Britain'])).toEqual(['mena remote', 'tunis-tunisia onsite', 'granada-spain onsite', 'united-kingdom onsite']);
	});

	it('reads a city with the province, department or county it lies in as the city', () => {
		// Before: the province of Milan, of Rome, of Barcelona, the department of Paris; Valencia in Venezuela and its
		// region besides; Lyon and the Rhône, Lille and a town in Greenland, Zurich and Canton, Ohio; Leeds and a Yorkshire in Virginia.
		expect(read(['Milano, MI', 'Roma, RM', 'Barcelona, Barcelona, Spain', 'Paris, Paris', 'Valencia, Comunidad Valenciana'])).toEqual([
			'milan-italy onsite',
			'rome-italy onsite',
			'barcelona-spain onsite',
			'paris-france onsite',
			'valencia-spain onsite',
		]);
		expect(read(['Lyon, Rhône', 'Lille, Nord', 'Zurich, Canton of Zurich', 'Leeds, West Yorkshire', 'Amsterdam, North Holland'])).toEqual([
			'lyon-france onsite',
			'lille-france onsite',
			'zurich-switzerland onsite',
			'leeds-united-kingdom onsite',
			'amsterdam-netherlands onsite',
		]);
		// A city in another region of the country is still not the one meant: "Portland, ME" is Maine's.
		expect(read(['Portland, ME'])).toEqual(['portland-maine onsite']);
	});

	it('reads a province after a town the gazetteer lacks as the province, not a town of its name elsewhere', () => {
		// Before: Ontario, California, with "Kitchener-Waterloo" left out.
		const [place] = resolvePlaces(['Kitchener-Waterloo, Ontario']).places;
		expect([place?.label, place?.country, place?.region]).toEqual(['Kitchener-Waterloo, Ontario', 'CA', 'ON']);
		// A district before its city is still the city: "Soho" is left out, London kept.
		expect(read(['Soho, London'])).toEqual(['london-united-kingdom onsite']);
	});

	// From a sweep of about a thousand Greenhouse boards' location strings.
	it('reads Japan\'s prefectures as postings write them, in Hepburn and in Japanese, and a subdivision named with its kind', () => {
		// ISO spells them in Kunrei-shiki ("Tiba", "Aiti", "Hukuoka", "Ôsaka"): "Kashiwa, Chiba" was two cities, "Aichi"
		// no place, and a page showed "Tiba".
		const [kashiwa] = resolvePlaces(['Kashiwa, Chiba']).places;
		expect([kashiwa?.label, kashiwa?.region, kashiwa?.regionName]).toEqual(['Kashiwa, Japan', '12', 'Chiba']);
		expect(read(['Aichi', 'Fukuoka', 'Osaka, Japan'])).toEqual(['aichi-japan onsite', 'fukuoka-japan onsite', 'osaka-japan onsite']);
		expect(resolvePlaces(['Aichi']).places[0]?.label).toBe('Aichi, Japan');
		expect(resolvePlaces(['千葉県, Japan']).places[0]?.label).toBe('Chiba, Japan');
		expect(resolvePlaces(['神奈川県横浜市']).places[0]?.regionName).toBe('Kanagawa');
		// The kind after the name is the subdivision, not the city of its name: "New York State" was no place, "Tokyo
		// Prefecture, Japan" a town of that name, "Washington State" would be the capital.
		expect(read(['New York State'])).toEqual(['new-york-united-states onsite']);
		expect(read(['Washington State'])).toEqual(['washington-united-states onsite']);
		expect(resolvePlaces(['Tokyo Prefecture, Japan']).places.map(({ kind, region }) => [kind, region])).toEqual([['region', '13']]);
		expect(read(['Fukuoka-ken'])).toEqual(['fukuoka-japan onsite']);
		expect(read(['Gauteng Province'])).toEqual(['gauteng-south-africa onsite']);
		// A name that ends in the word is read whole.
		expect(read(['Free State'])).toEqual(['free-state-south-africa onsite']);
	});

	it('reads a code written with dots as the code, a big city before another country\'s code as the city, and "Flexible within the US" as the country', () => {
		// "Victoria, B.C." was the Australian state, with "B.C" left out as no place.
		expect(read(['Victoria, B.C.'])).toEqual(['victoria-british-columbia onsite']);
		expect(read(['Victoria B.C'])).toEqual(['victoria-british-columbia onsite']);
		expect(resolvePlaces(['Halifax, N.S.']).notes).toEqual([]);
		expect(read(['Washington, D.C.'])).toEqual(['washington-district-of-columbia onsite']);
		// A big city beside another country's two letters is the city's: "Cape Town, SA" was a town of Saudi Arabia (three
		// of impact.com's roles), "Belgrade, SE" one of Sweden. A town the gazetteer lacks stays as written there, and a
		// state's code is the state's.
		expect(read(['Cape Town, SA'])).toEqual(['cape-town-south-africa onsite']);
		expect(read(['Belgrade, SE'])).toEqual(['belgrade-serbia onsite']);
		expect(read(['Akron, NY'])).toEqual(['akron-new-york onsite']);
		// A town of a US state: "Florence, AL" was Florence in Italy's province of Alessandria, "Durango, CO" the Spanish
		// town in A Coruña, "Columbia, NJ" Colombia (its name in Romanian) and New Jersey. Brazil's states keep their towns.
		expect(read(['Florence, AL'])).toEqual(['florence-alabama onsite']);
		expect(read(['Durango, CO'])).toEqual(['durango-colorado onsite']);
		expect(read(['Columbia, NJ'])).toEqual(['columbia-new-jersey onsite']);
		expect(read(['Florianópolis/SC'])).toEqual(['florianopolis-brazil onsite']);
		// A country's name before a US state's code that is also a region's of that country: the town in the state ("Jordan,
		// MN" was Jordan's Ma'an governorate), while a country's own state after it stays one ("Australia, WA", "India, TN").
		expect(read(['Jordan, MN'])).toEqual(['jordan-minnesota onsite']);
		expect(read(['Australia, WA', 'India, TN'])).toEqual(['western-australia-australia onsite', 'tamil-nadu-india onsite']);
		// Canada's short form: "Saguenay, Can" was Saguenay and Çan in Turkey. "Can Tho" is still Vietnam's.
		expect(read(['Saguenay, Can'])).toEqual(['saguenay-quebec onsite']);
		expect(read(['Can Tho, Vietnam'])).toEqual(['can-tho-vietnam onsite']);
		// Names boards give offices: Ventura's everyday name (the list's is its charter name) and airport codes.
		expect(resolvePlaces(['Ventura']).places.map((place) => place.label)).toEqual(['Ventura, California']);
		expect(read(['SLC', 'TLV'])).toEqual(['salt-lake-city-utah onsite', 'tel-aviv-israel onsite']);
		// Parts in brackets as outside them, and a part's words beside the place taken out even when the rest read: Karat's
		// "Remote (Mexico - Mexico City ONLY)" was remote anywhere in Mexico, "Greater Boston, New York, …" left Boston out.
		expect(read(['Remote (Mexico - Mexico City ONLY)'])).toEqual(['mexico-city-mexico remote']);
		expect(read(['Remote (India - Bangalore ONLY)'])).toEqual(['bengaluru-india remote']);
		expect(read(['Greater Boston, Washington, D.C., or Chicago'])).toEqual(['boston-massachusetts onsite', 'washington-district-of-columbia onsite', 'chicago-illinois onsite']);
		// A sales territory is its place (Manhattan Beer Distributors' "Manhattan Territory"); a territory named so is the
		// territory. "DMV" is the DC area (District, Maryland, Virginia).
		expect(read(['Manhattan Territory'])).toEqual(['new-york-new-york onsite']);
		expect(read(['Northern Territory'])).toEqual(['northern-territory-australia onsite']);
		expect(read(['DMV Area'])).toEqual(['washington-district-of-columbia onsite']);
		// Was a town named "Flexible within the".
		expect(read(['Flexible within the US'])).toEqual(['united-states onsite']);
		expect(read(['Flexible within the U.S. (multiple regions)'])).toEqual(['united-states onsite']);
	});

	it('reads "Distributed" as remote, as boards write it for a remote role ("Distributed - Canada")', () => {
		expect(read(['Distributed - Canada'])).toEqual(['canada remote']);
	});

	it('reads a city\'s wider area, places coded country first, and lists in brackets', () => {
		expect(read(['Greater Seattle Area', 'New York City Metropolitan Area', 'Washington DC Metro Area', 'Metro Vancouver'])).toEqual([
			'seattle-washington onsite',
			'new-york-new-york onsite',
			'washington-district-of-columbia onsite',
			'vancouver-british-columbia onsite',
		]);
		// Before: unplaced, or a town named "Dallas-Fort Worth" or "Raleigh-Durham"; as the Bay Area is San Francisco.
		expect(read(['Dallas-Fort Worth Metroplex', 'DFW', 'Minneapolis-St. Paul', 'Twin Cities', 'Raleigh-Durham, NC', 'Tampa Bay'])).toEqual([
			'dallas-texas onsite',
			'minneapolis-minnesota onsite',
			'raleigh-north-carolina onsite',
			'tampa-florida onsite',
		]);
		expect(read(['Silicon Valley'])).toEqual(['unplaced: Silicon Valley']);
		expect(read(['US-NY-New York', 'IN-KA-Bengaluru', 'CA-ON-Toronto', 'GB-London'])).toEqual(['new-york-new-york onsite', 'bengaluru-india onsite', 'toronto-ontario onsite', 'london-united-kingdom onsite']);
		// Before: "Remote - North America (US" was no place.
		expect(read(['Remote - North America (US/Canada)'])).toEqual(['north-america remote', 'united-states remote', 'canada remote']);
		const [written] = resolvePlaces(['Remote - North America (US/Canada)']).places;
		expect(written?.written).toBe('Remote - North America (US/Canada)');
	});

	it('reads a place whose parts are joined by hyphens, its country first or last, and a country with a compass word', () => {
		// Before: unplaced, or a town called "Texas-Austin", "Karnataka-Bangalore" or "East".
		expect(read(['United States-Texas-Austin', 'US-Texas-Austin', 'IND-Karnataka-Bangalore', 'Germany-Berlin', 'Berlin-Germany'])).toEqual([
			'austin-texas onsite',
			'bengaluru-india onsite',
			'berlin-germany onsite',
		]);
		expect(read(['US-East', 'Remote - US East', 'Remote, US-West'])).toEqual(['united-states onsite', 'united-states remote']);
		// A name with a hyphen that names no country at either end is the name.
		expect(read(['Tel Aviv-Yafo', 'Guinea-Bissau', 'Winston-Salem, NC'])).toEqual(['tel-aviv-israel onsite', 'guinea-bissau onsite', 'winston-salem-north-carolina onsite']);
		expect(resolvePlaces(['Kitchener-Waterloo']).places).toEqual([]);
	});

	it('reads Metro Manila and its business districts, Jakarta\'s cities and Yangon', () => {
		expect(read(['Makati, Metro Manila, Philippines', 'BGC, Taguig', 'Ortigas, Pasig City'])).toEqual(['makati-city-philippines onsite', 'taguig-city-philippines onsite', 'pasig-city-philippines onsite']);
		expect(read(['Metro Manila, Philippines'])).toEqual(['metro-manila-philippines onsite']);
		expect(read(['Jakarta Selatan (Hybrid)', 'South Jakarta, Indonesia'])).toEqual(['jakarta-indonesia hybrid', 'jakarta-indonesia onsite']);
		expect(one('Yangon, Myanmar').label).toBe('Yangon, Myanmar');
		expect(one('Rangoon').id).toBe('yangon-myanmar');
	});


	it('reads countries by the formal names ISO\'s list and the country pickers built on it give them', () => {
		// Before: the Republic of the Congo, South Korea, the British Virgin Islands and the United States.
		expect(read(['Kinshasa, Congo, Democratic Republic of the', 'Congo (the Democratic Republic of the)', 'Korea, Democratic People\'s Republic of'])).toEqual([
			'kinshasa-congo-kinshasa onsite',
			'congo-kinshasa onsite',
			'north-korea onsite',
		]);
		expect(read(['Charlotte Amalie, Virgin Islands, U.S.', 'Virgin Islands (British)'])).toEqual(['charlotte-amalie-u-s-virgin-islands onsite', 'british-virgin-islands onsite']);
		// Before: each also read "The" as the Vale of Glamorgan, and "(South)" as Cameroon's South region.
		expect(read(['Netherlands (the)', 'Gambia, The', 'Seoul, Korea (South)', 'Kinshasa, Congo (DRC)', 'Brazzaville, Congo (Republic)'])).toEqual([
			'netherlands onsite',
			'gambia onsite',
			'seoul-south-korea onsite',
			'kinshasa-congo-kinshasa onsite',
			'brazzaville-congo-brazzaville onsite',
		]);
		expect(read(['Amsterdam, Netherlands, Kingdom of the', 'Taipei, Taiwan, Province of China', 'Korea (the Republic of)'])).toEqual(['amsterdam-netherlands onsite', 'taipei-taiwan onsite', 'south-korea onsite']);
	});

	it('reads a list of codes as regions of the one country some of them can only be, and three country codes as countries', () => {
		// Before: Canada beside Oregon and Washington; Washington state beside New South Wales; Germany and Friesland.
		expect(read(['CA, OR, WA'])).toEqual(['california-united-states onsite', 'oregon-united-states onsite', 'washington-united-states onsite']);
		expect(read(['Remote (CA, NY, TX)'])).toEqual(['california-united-states remote', 'new-york-united-states remote', 'texas-united-states remote']);
		expect(read(['WA, NSW'])).toEqual(['western-australia-australia onsite', 'new-south-wales-australia onsite']);
		expect(read(['DE, FR, NL'])).toEqual(['germany onsite', 'france onsite', 'netherlands onsite']);
		// Two codes may be a region and its country, as before.
		expect(read(['CA, US'])).toEqual(['california-united-states onsite']);
	});

	it('reads Indeed\'s "Hybrid remote" as hybrid', () => {
		// Before: remote.
		expect(read(['Hybrid remote in Seattle, WA 98101'])).toEqual(['seattle-washington hybrid']);
	});

	it('reads office days, a distance from a place and "anywhere" beside a country', () => {
		// Before: on site ("in office"), a phrase left unplaced beside Chicago, and Worldwide beside the US.
		expect(read(['London, UK (2 days a week in office)', 'Berlin (2 Tage/Woche im Büro)', 'New York (5 days a week in office)'])).toEqual([
			'london-united-kingdom hybrid',
			'berlin-germany hybrid',
			'new-york-new-york onsite',
		]);
		expect(read(['Remote within 50 miles of Chicago', 'Must be located within commuting distance of Boston, MA'])).toEqual(['chicago-illinois remote', 'boston-massachusetts onsite']);
		expect(read(['US - Remote - Anywhere', 'Canada - Anywhere'])).toEqual(['united-states remote', 'canada remote']);
		expect(read(['Anywhere'])).toEqual(['worldwide remote']);
	});

	it('reads a compass word alone as a region only in a country the phrase names', () => {
		// Before: Cameroon's South and North regions, Fiji's Eastern Division, Central in Louisiana.
		expect(read(['London (South)', 'Manchester (North)'])).toEqual(['london-united-kingdom onsite', 'manchester-united-kingdom onsite']);
		for (const alone of ['South', 'Eastern', 'Central', 'Hybrid (North)']) expect(resolvePlaces([alone]).places).toEqual([]);
		expect(read(['Central, Ghana', 'Upper East, Ghana', 'Yaoundé, Centre, Cameroon'])).toEqual(['central-ghana onsite', 'upper-east-ghana onsite', 'yaounde-cameroon onsite']);
		// A compass word before a name still reads as part of the place named.
		expect(read(['Northern Virginia', 'South Florida'])).toEqual(['virginia-united-states onsite', 'florida-united-states onsite']);
	});
	it('reads a workplace said after a list as the whole list\'s, and one said before a place as that place\'s', () => {
		expect(read(['USA / Canada - Remote'])).toEqual(['united-states remote', 'canada remote']);
		expect(read(['Berlin / Munich (hybrid)'])).toEqual(['berlin-germany hybrid', 'munich-germany hybrid']);
		expect(read(['New York / London - Remote'])).toEqual(['new-york-new-york remote', 'london-united-kingdom remote']);
		// The city, or remote in its country: one place.
		expect(read(['Amsterdam or Remote Netherlands'])).toEqual(['amsterdam-netherlands remote']);
	});

	it('reads the workplace from the phrase, in the languages postings use', () => {
		expect(read(['Remote - US'])).toEqual(['united-states remote']);
		expect(read(['US-Remote'])).toEqual(['united-states remote']);
		expect(read(['Remote (EMEA)'])).toEqual(['emea remote']);
		expect(read(['Remote, Americas'])).toEqual(['americas remote']);
		expect(read(['Hybrid - London'])).toEqual(['london-united-kingdom hybrid']);
		expect(read(['London (Hybrid)'])).toEqual(['london-united-kingdom hybrid']);
		expect(read(['Remote in Canada or the US'])).toEqual(['canada remote', 'united-states remote']);
		// "in" and "de" are words around the workplace, "IN" and "DE" codes: these were remote anywhere.
		expect(read(['Remote - IN', 'Remote - DE', 'REMOTE IN CANADA', 'Remoto de Brasil'])).toEqual(['india remote', 'germany remote', 'canada remote', 'brazil remote']);
		expect(read(['Anywhere'])).toEqual(['worldwide remote']);
		expect(read(['Télétravail - France', 'Remoto, España', '100% remote Germany', 'Homeoffice Österreich'])).toEqual([
			'france remote',
			'spain remote',
			'germany remote',
			'austria remote',
		]);
		expect(read(['Mexico City- On-site'])).toEqual(['mexico-city-mexico onsite']);
		// Subdivisions by their English names, where ISO gives only a local one ("Guangdong Sheng", "Sachsen"): each was a
		// town of its name ("Guangdong, China"), or a note beside the city ("Shenzhen, Guangdong, China").
		for (const [phrase, place] of [
			['Guangdong, China', { region: 'GD', country: 'CN', workplace: 'onsite' }],
			['Shenzhen, Guangdong, China', { city: 'Shenzhen', region: 'GD', country: 'CN', workplace: 'onsite' }],
			['Leipzig, Saxony, Germany', { city: 'Leipzig', region: 'SN', country: 'DE', workplace: 'onsite' }],
			['Florence, Tuscany, Italy', { city: 'Florence', region: '52', country: 'IT', workplace: 'onsite' }],
			['Seville, Andalusia, Spain', { city: 'Sevilla', region: 'AN', country: 'ES', workplace: 'onsite' }],
			['Antwerp, Flanders, Belgium', { city: 'Antwerp', region: 'VLG', country: 'BE', workplace: 'onsite' }],
			// A province in its region: one place, not the city and the province.
			['Mons, Hainaut, Belgium', { city: 'Mons', region: 'WAL', country: 'BE', workplace: 'onsite' }],
			['Gyeonggi, South Korea', { region: '41', country: 'KR', workplace: 'onsite' }],
			['Novosibirsk Oblast, Russia', { region: 'NVS', country: 'RU', workplace: 'onsite' }],
			// A region named for its capital by a name the tables lack: the capital's region (ISO's "Ar Riyad", "Lvivska oblast").
			['Riyadh, Riyadh Province, SA', { city: 'Riyadh', region: '01', country: 'SA', workplace: 'onsite' }],
			['Kharkiv Oblast, Ukraine', { region: '63', country: 'UA', workplace: 'onsite' }],
			['Dubai Emirate, United Arab Emirates', { region: 'DU', country: 'AE', workplace: 'onsite' }],
			// Buenos Aires is the city's own district as well as the province around it (YC's "Buenos Aires, Buenos Aires,
			// AR" was the province alone); the province by its kind, in Spanish too.
			['Buenos Aires, Buenos Aires, AR', { city: 'Buenos Aires', region: 'C', country: 'AR', workplace: 'onsite' }],
			['La Plata, Buenos Aires, Argentina', { city: 'La Plata', region: 'B', country: 'AR', workplace: 'onsite' }],
			['Buenos Aires Province, Argentina', { region: 'B', country: 'AR', workplace: 'onsite' }],
			['Provincia de Buenos Aires', { region: 'B', country: 'AR', workplace: 'onsite' }],
			['Estado de México', { region: 'MEX', country: 'MX', workplace: 'onsite' }],
			// Long Island is New York's where no country says otherwise.
			['Manhasset, Long Island', { city: 'Manhasset', region: 'NY', country: 'US', workplace: 'onsite' }],
			['Long Island, Bahamas', { region: 'LI', country: 'BS', workplace: 'onsite' }],
			// Cluj-Napoca by its short name; its county by its kind.
			['Cluj, Romania', { city: 'Cluj-Napoca', region: 'CJ', country: 'RO', workplace: 'onsite' }],
			['Cluj County, Romania', { region: 'CJ', country: 'RO', workplace: 'onsite' }],
			// English names the city list files under another.
			['Hull, England, United Kingdom', { city: 'Kingston upon Hull', country: 'GB', workplace: 'onsite' }],
			['Hull, MA', { city: 'Hull', region: 'MA', country: 'US', workplace: 'onsite' }],
			['Londonderry, Northern Ireland', { city: 'Derry', country: 'GB', workplace: 'onsite' }],
			['Bhubaneswar, Odisha', { city: 'Bhubaneswar', region: 'OD', country: 'IN', workplace: 'onsite' }],
		] as const) {
			expect(placesFrom([phrase]), phrase).toEqual({ places: [place], unplaced: [], notes: [] });
		}
		// Not a town's region elsewhere: "Federal" is a town in Argentina.
		expect(placesFrom(['Brasília, Federal District, Brazil']).places).toEqual([{ city: 'Brasília', region: 'DF', country: 'BR', workplace: 'onsite' }]);
		// Brackets left unpaired: Gympass's "(France (Paris - Hybrid)" was no place.
		expect(read(['(France (Paris - Hybrid)', 'London (UK', 'Berlin, Germany)'])).toEqual(['paris-france hybrid', 'london-united-kingdom onsite', 'berlin-germany onsite']);
		// An English name that is a word: "Coast" alone is no place (country-region-data names a Tanzanian region so).
		expect(resolvePlaces(['Coast']).places).toEqual([]);
		// A country's name is no subdivision of another: Hong Kong stays Hong Kong.
		expect(placesFrom(['Hong Kong, China']).places.map((place) => place.country)).toEqual(['HK', 'CN']);
		// Remote and hybrid in more languages: each was a town of its name ("Удаленно, Россия" a town called Udalenno in
		// Russia), or no place ("リモート（日本）", "Praca zdalna").
		expect(read(['Удаленно, Россия', 'Віддалено, Україна', 'Uzaktan, Türkiye', 'Op afstand, Nederland', 'Etätyö, Suomi', 'Kerja jarak jauh, Indonesia', 'Praca zdalna, Polska'])).toEqual([
			'russia remote',
			'ukraine remote',
			'turkiye remote',
			'netherlands remote',
			'finland remote',
			'indonesia remote',
			'poland remote',
		]);
		expect(read(['リモート（日本）', '远程, 中国', '재택근무, 서울', '東京（リモート可）'])).toEqual(['japan remote', 'china remote', 'seoul-south-korea remote', 'tokyo-japan remote']);
		expect(read(['ハイブリッド, 東京', 'Гибрид, Москва', 'Hibrit - İstanbul'])).toEqual(['tokyo-japan hybrid', 'moscow-russia hybrid', 'istanbul-turkiye hybrid']);
		// "City or remote" in any language: the city, which may also be done remotely.
		expect(read(['Berlin or remote', 'München oder Remote', 'Paris ou télétravail', 'Madrid o remoto', 'Lisboa ou remoto', 'Amsterdam of remote'])).toEqual([
			'berlin-germany remote',
			'munich-germany remote',
			'paris-france remote',
			'madrid-spain remote',
			'lisbon-portugal remote',
			'amsterdam-netherlands remote',
		]);
		expect(read(['Remote-Friendly US (Travel Required)'])).toEqual(['united-states remote']);
	});

	it('lets a phrase\'s own words win over the workplace the ATS states', () => {
		expect(read(['Remote - US', 'London'], { workplace: 'hybrid' })).toEqual(['united-states remote', 'london-united-kingdom hybrid']);
	});

	it('reads "City or Remote Country" as one place: the city, or remote in its country', () => {
		const amsterdam = one('Amsterdam or Remote Netherlands');
		expect([amsterdam.id, amsterdam.workplace, amsterdam.label]).toEqual(['amsterdam-netherlands', 'remote', 'Amsterdam, Netherlands or remote']);
	});

	it('reads "Remote" alone as remote in the other places\' countries, else the ATS\'s, else anywhere', () => {
		expect(read(['Lisbon, Portugal', 'Remote'])).toEqual(['lisbon-portugal onsite', 'portugal remote']);
		expect(read(['Remote'], { country: 'US' })).toEqual(['united-states remote']);
		expect(read(['Remote'])).toEqual(['worldwide remote']);
	});

	it('reports what it cannot place, never guessing', () => {
		expect(read(['Tri-State Area'])).toEqual(['unplaced: Tri-State Area']);
	});

	it('reads an office by the place it names, with the workplace the ATS states ("Berlin Office": n8n on Ashby)', () => {
		expect(read(['Berlin Office'], { workplace: 'remote' })).toEqual(['berlin-germany remote']);
		expect(read(['London Office', 'NYC HQ', 'Headquarters - Paris', 'Head Office, Lisbon'])).toEqual([
			'london-united-kingdom onsite',
			'new-york-new-york onsite',
			'paris-france onsite',
			'lisbon-portugal onsite',
		]);
		expect(read(['Office', 'HQ'])).toEqual(['unplaced: Office', 'unplaced: HQ']);
	});
});

describe('areas of several countries', () => {
	// An area with no workplace stated is a remote scope: nobody works on site in a whole continent.
	it('knows their members, each a remote scope unless the phrase says otherwise', () => {
		expect(read(['Europe', 'EMEA', 'APAC', 'North America', 'Asia', 'LATAM', 'Worldwide', 'Remote - Americas', 'Nordics', 'DACH', 'Benelux', 'EU'])).toEqual([
			'europe remote',
			'emea remote',
			'apac remote',
			'north-america remote',
			'asia remote',
			'latin-america remote',
			'worldwide remote',
			'americas remote',
			'nordics remote',
			'dach remote',
			'benelux remote',
			'european-union remote',
		]);
		expect(findArea('DACH')?.countries).toEqual(['DE', 'AT', 'CH']);
		expect(read(['Remote - CEE', 'Central & Eastern Europe'])).toEqual(['central-and-eastern-europe remote']);
		expect(read(['Eastern Europe'])).toEqual(['eastern-europe remote']);
		expect(findArea('Eastern Europe')?.countries).toContain('UA');
		expect(findArea('CEE')?.countries).toEqual(['AL', 'BG', 'HR', 'CZ', 'HU', 'PL', 'RO', 'SK', 'SI', 'EE', 'LV', 'LT']);
		expect(findArea('EU')?.countries.length).toBe(27);
		expect(findArea('EEA')?.countries.length).toBe(30);
		expect(findArea('Global')?.countries).toEqual([]);
		expect(findArea('Remote-North & South America')).toBeUndefined();
		expect(read(['Remote-North & South America'])).toEqual(['americas remote']);
		const emea = one('Remote (EMEA)');
		expect([emea.kind, emea.area, emea.country, emea.label, emea.countries.includes('ZA'), emea.countries.includes('US')]).toEqual(['area', 'EMEA', undefined, 'Remote, EMEA', true, false]);
	});

	it('resolves structured areas and names in front matter', () => {
		const given = resolveGivenLocation({ area: 'emea', workplace: 'remote' });
		expect(given.ok && [given.location.id, given.location.label]).toEqual(['emea', 'Remote, EMEA']);
		expect(resolveGivenLocation({ area: 'Atlantis' })).toEqual({ ok: false, reason: expect.stringContaining('"Atlantis" is not an area we know') });
		const bangalore = resolveGivenLocation({ city: 'Bangalore', country: 'IN' });
		expect(bangalore.ok && [bangalore.location.id, bangalore.location.region, bangalore.location.written]).toEqual(['bengaluru-india', 'KA', 'Bangalore']);
		const texas = resolveGivenLocation({ region: 'US-TX', country: 'US' });
		expect(texas.ok && texas.location.id).toBe('texas-united-states');
		expect(resolveGivenLocation({ country: 'FX' })).toEqual({ ok: false, reason: '"FX" is not a current ISO 3166-1 country code' });
	});
});

describe('placesFrom (ATS sync)', () => {
	it('returns structured places with their workplace, and the phrases it cannot place', () => {
		expect(placesFrom(['Lisbon, Portugal; Remote (UK)', 'Tri-State Area'])).toEqual({
			places: [
				{ city: 'Lisbon', region: '11', country: 'PT', workplace: 'onsite' },
				{ country: 'GB', workplace: 'remote' },
			],
			unplaced: ['Tri-State Area'],
			notes: [],
		});
		expect(placesFrom(['Bombay, MH'], { country: 'India' }).places).toEqual([{ city: 'Mumbai', region: 'MH', country: 'IN', workplace: 'onsite' }]);
		expect(placesFrom(['Remote - US', 'EMEA'], { workplace: 'hybrid' }).places).toEqual([
			{ country: 'US', workplace: 'remote' },
			{ area: 'EMEA', workplace: 'hybrid' },
		]);
	});

	it('reads a code alone as a region of the country the ATS gives, when it is another country\'s ISO code', () => {
		expect(placesFrom(['Remote - PA']).places).toEqual([{ country: 'PA', workplace: 'remote' }]);
		expect(placesFrom(['Remote - PA'], { country: 'US' }).places).toEqual([{ region: 'PA', country: 'US', workplace: 'remote' }]);
		expect(placesFrom(['GA'], { country: 'US' }).places).toEqual([{ region: 'GA', country: 'US', workplace: 'onsite' }]);
		// "UK" is no ISO code: the United Kingdom, not India's Uttarakhand. A name is taken at its word.
		expect(placesFrom(['Remote - UK'], { country: 'IN' }).places).toEqual([{ country: 'GB', workplace: 'remote' }]);
		expect(placesFrom(['Remote - Canada'], { country: 'US' }).places).toEqual([{ country: 'CA', workplace: 'remote' }]);
	});
});

describe('look-ups', () => {
	it('keys names without case, accents or punctuation, whatever path the name takes', () => {
		const names = ['Tel Aviv', 'tel aviv', 'St. Louis', "O'Fallon", 'Winston-Salem', '  New  York ', 'Washington, D.C.', 'A`b', 'São Paulo', 'Straße', 'Kraków', 'ＮＹＣ', 'x\ty', '', '---'];
		expect(names.map(placeKey)).toEqual(['tel aviv', 'tel aviv', 'st louis', 'ofallon', 'winston salem', 'new york', 'washington dc', 'ab', 'sao paulo', 'strasse', 'krakow', 'nyc', 'x y', '', '']);
	});

	it('reads a phrase once, but gives every caller a copy of its own', () => {
		const context: PlaceContext = { defaultCountry: 'US' };
		const first = resolvePhrase('Lisbon or Remote Portugal', context);
		first.places[0]!.countries.push('ES');
		first.places[0]!.label = 'changed';
		first.notes.push('changed');
		const again = resolvePhrase('Lisbon or Remote Portugal', { defaultCountry: 'US' });
		expect(again.places[0]!.countries).toEqual(['PT']);
		expect(again.places[0]!.label).toBe('Lisbon, Portugal or remote');
		expect(again.notes).toEqual([]);
		// The context is part of what a phrase means: another context is another reading.
		expect(resolvePhrase('Cambridge', { country: 'GB' }).places[0]!.country).toBe('GB');
		expect(resolvePhrase('Cambridge', { country: 'US' }).places[0]!.country).toBe('US');
	});
});
