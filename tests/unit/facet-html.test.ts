import { describe, expect, it } from 'vitest';
import { facetValuesHtml } from '../../src/listing/facet-html.ts';
import { buildRouting, type ListingLink } from '../../src/routing/routes.ts';
import { seedCatalogue } from './helpers.ts';

const link = (slug: string, label: string, count: number, children: ListingLink[] = []): ListingLink => ({ slug, label, href: `/locations/${slug}/`, count, children });

/** The seeds' location filter, as the site builds it (src/routing/routes.ts). */
const places = buildRouting({ open: seedCatalogue().postings, closed: [], moves: [], companyName: 'Cloudflare' }).filters.places;

describe('the values of a filter', () => {
	it("prints each value as a link with its count, nested values in a list inside it: the seeds' site", () => {
		const html = facetValuesHtml(places, 'location', undefined);
		// Copied from the seeds' built home page.
		expect(html.startsWith(
			'<li><a href="/locations/remote/" data-filter="location" data-value="remote" data-label="Remote">Remote <span class="facet-count">(1)</span></a>' +
				'<ul><li><a href="/locations/remote-germany/" data-filter="location" data-value="remote-germany" data-label="Remote, Germany">Remote, Germany <span class="facet-count">(1)</span></a></li>',
		)).toBe(true);
		expect(html).toContain(
			'<li><a href="/locations/germany/" data-filter="location" data-value="germany" data-label="Germany">Germany <span class="facet-count">(1)</span></a>' +
				'<ul><li><a href="/locations/munich-germany/" data-filter="location" data-value="munich-germany" data-label="Munich, Germany">Munich, Germany <span class="facet-count">(1)</span></a></li></ul></li>',
		);
		expect(html).toContain('data-label="Lisbon, Portugal">Lisbon, Portugal <span class="facet-count">(2)</span></a></li></ul></li>');
		expect(html).not.toContain('aria-current');
	});

	it("marks the page's own value as current, nested or not, and no other", () => {
		const html = facetValuesHtml(places, 'location', 'lisbon-portugal');
		expect(html.match(/aria-current/g)).toHaveLength(1);
		expect(html).toContain('data-value="lisbon-portugal" data-label="Lisbon, Portugal" aria-current="page">Lisbon, Portugal');
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
