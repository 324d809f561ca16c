import { describe, expect, it } from 'vitest';
import { partPool, sharedParts } from '../../src/utils/shared-parts.ts';
import { realBoards, seedCatalogue, site, TODAY } from './helpers.ts';
import { normalizePostings } from '../../src/postings/normalize.ts';

// The postings loader passes every posting it stores through one pool, so that
// Astro's data store (written with devalue, which writes an object used twice
// once) holds each repeated part once: half the file at 10,000 roles.

/** The distinct objects and arrays reachable from `values`. */
function distinctObjects(values: unknown[]): number {
	const seen = new Set<object>();
	const visit = (value: unknown) => {
		if (value === null || typeof value !== 'object' || seen.has(value)) return;
		seen.add(value);
		for (const item of Object.values(value)) visit(item);
	};
	values.forEach(visit);
	return seen.size;
}

describe('sharedParts', () => {
	it('gives equal parts of different values one object, and changes nothing else', () => {
		const pool = partPool();
		const first = { id: 'a', provenance: { title: { source: 'given' }, team: { source: 'given' } }, countries: ['PT'] };
		const second = { id: 'b', provenance: { title: { source: 'given' } }, countries: ['PT'] };
		const before = structuredClone([first, second]);
		const a = sharedParts(first, pool);
		const b = sharedParts(second, pool);
		expect([a, b]).toStrictEqual(before);
		expect([first, second]).toStrictEqual(before); // the values passed in are not changed
		expect(b.provenance.title).toBe(a.provenance.title);
		expect(a.provenance.team).toBe(a.provenance.title); // equal within one value too
		expect(b.countries).toBe(a.countries);
		expect(b.provenance).not.toBe(a.provenance); // one field more
		expect(Object.keys(a)).toEqual(['id', 'provenance', 'countries']);
	});

	it('keeps apart what devalue writes differently', () => {
		const pool = partPool();
		const pairs: [unknown, unknown][] = [
			[{ min: 1, max: 2 }, { max: 2, min: 1 }], // key order
			[{ at: 0 }, { at: -0 }],
			[{ at: 1 }, { at: '1' }],
			[{ at: undefined }, {}],
			[[undefined], new Array(1)], // a hole
			[{ at: null }, { at: 'null' }],
			[{ when: new Date(0) }, { when: new Date(0) }], // objects of a class are never merged
		];
		for (const [left, right] of pairs) {
			const a = sharedParts(left, pool);
			const b = sharedParts(right, pool);
			expect(a).not.toBe(b);
			expect(b).toStrictEqual(right);
		}
		const when = new Date(0);
		expect(sharedParts({ when }, pool).when).toBe(when);
		expect(1 in sharedParts([1, , 3], pool)).toBe(false);
	});

	it('shares the parts of places the seed postings repeat', () => {
		const pool = partPool();
		const [workersRuntimeSeed, observabilitySeed] = ['engineering-manager-workers-runtime', 'engineering-manager-observability'].map((slug) => seedCatalogue().postings.find((posting) => posting.slug === slug)!);
		const workersRuntime = sharedParts(workersRuntimeSeed!, pool);
		const observability = sharedParts(observabilitySeed!, pool);
		const london = (posting: typeof workersRuntime) => posting.locations.find((location) => location.id === 'london-united-kingdom');
		expect(london(workersRuntime)).toBeDefined();
		// The two Londons differ in their evidence; what they hold alike is one object.
		expect(london(observability)).not.toBe(london(workersRuntime));
		expect(london(observability)!.countries).toBe(london(workersRuntime)!.countries);
		expect(observability).toStrictEqual(observabilitySeed);
	});

	it('stores real boards equal to what the pipeline made, in fewer objects', () => {
		const postings = [...seedCatalogue().postings, ...realBoards().flatMap((board) => normalizePostings(board.files, site, { today: TODAY }).postings)];
		const pool = partPool();
		const shared = postings.map((posting) => sharedParts(posting, pool));
		expect(shared).toStrictEqual(postings);
		// 2,367 objects in 811 on the corpus of 5 December 2026.
		expect(distinctObjects(shared)).toBeLessThan(distinctObjects(postings) / 2);
	});
});
