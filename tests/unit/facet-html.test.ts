import { describe, expect, it } from 'vitest';
import { facetValuesHtml } from '../../src/listing/facet-html.ts';
import type { ListingLink } from '../../src/routing/index.ts';

const link = (slug: string, label: string, count: number, children: ListingLink[] = []): ListingLink => ({ slug, label, href: `/locations/${slug}/`, count, children });

// From the scale bench's listing of 1,000 roles: an area, its remote scope, a country and its cities.
const places = [
	link('remote', 'Remote', 252, [link('remote-emea', 'Remote, EMEA', 128)]),
	link('germany', 'Germany', 31, [link('berlin-germany', 'Berlin, Germany', 12), link('munich-germany', 'Munich, Germany', 4)]),
];

describe('the values of a filter', () => {
	it('prints each value as a link with its count, nested values in a list inside it', () => {
		expect(facetValuesHtml(places, 'location', undefined)).toBe(
			'<li><a href="/locations/remote/" data-filter="location" data-value="remote" data-label="Remote">Remote <span class="facet-count">(252)</span></a>' +
				'<ul><li><a href="/locations/remote-emea/" data-filter="location" data-value="remote-emea" data-label="Remote, EMEA">Remote, EMEA <span class="facet-count">(128)</span></a></li></ul></li>' +
				'<li><a href="/locations/germany/" data-filter="location" data-value="germany" data-label="Germany">Germany <span class="facet-count">(31)</span></a>' +
				'<ul><li><a href="/locations/berlin-germany/" data-filter="location" data-value="berlin-germany" data-label="Berlin, Germany">Berlin, Germany <span class="facet-count">(12)</span></a></li>' +
				'<li><a href="/locations/munich-germany/" data-filter="location" data-value="munich-germany" data-label="Munich, Germany">Munich, Germany <span class="facet-count">(4)</span></a></li></ul></li>',
		);
	});

	it("marks the page's own value as current, nested or not, and no other", () => {
		const html = facetValuesHtml(places, 'location', 'berlin-germany');
		expect(html.match(/aria-current/g)).toHaveLength(1);
		expect(html).toContain('data-value="berlin-germany" data-label="Berlin, Germany" aria-current="page">Berlin, Germany');
		expect(facetValuesHtml(places, 'location', 'remote')).toContain('data-label="Remote" aria-current="page">Remote <span');
		// The tree printed once serves every page: asking for another page's value leaves the first page's alone.
		expect(facetValuesHtml(places, 'location', undefined)).not.toContain('aria-current');
		expect(facetValuesHtml(places, 'location', 'nowhere')).not.toContain('aria-current');
	});

	it('marks every listing of a value listed twice', () => {
		const twice = [link('emea', 'EMEA', 3, [link('dublin-ireland', 'Dublin, Ireland', 1)]), link('ireland', 'Ireland', 1, [link('dublin-ireland', 'Dublin, Ireland', 1)])];
		expect(facetValuesHtml(twice, 'location', 'dublin-ireland').match(/aria-current="page">Dublin, Ireland/g)).toHaveLength(2);
	});

	it('escapes labels as Astro escapes text and attributes', () => {
		const team = { slug: 'r-d-ops', label: `R&D "Ops" <'Lab'>`, href: '/teams/r-d-ops/', count: 2, children: [] };
		expect(facetValuesHtml([team], 'team', 'r-d-ops')).toBe(
			'<li><a href="/teams/r-d-ops/" data-filter="team" data-value="r-d-ops" data-label="R&amp;D &quot;Ops&quot; <\'Lab\'>" aria-current="page">' +
				'R&amp;D &quot;Ops&quot; &lt;&#39;Lab&#39;&gt; <span class="facet-count">(2)</span></a></li>',
		);
	});

	it('prints a list of links once per filter: the location and team trees of the same links differ', () => {
		expect(facetValuesHtml(places, 'team', undefined)).toContain('data-filter="team"');
		expect(facetValuesHtml(places, 'location', undefined)).not.toContain('data-filter="team"');
	});
});
