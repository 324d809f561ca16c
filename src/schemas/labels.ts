import { z } from 'astro/zod';
import { en } from '../i18n/en.ts';
import { valuesOf, type Labels } from '../i18n/labels.ts';

/**
 * A site's own words for a label: non-empty, and filling in no value the English label has not (a misspelt
 * `{plce}` would reach every page as written).
 */
function wording(english: string) {
	const known = new Set(valuesOf(english));
	const expected = known.size === 0 ? 'text with no {…} values' : `text whose {…} values are among ${[...known].map((name) => `{${name}}`).join(', ')}`;
	// Not trimmed: a label may begin with a space it needs (" ({count} chosen)" follows the filters' heading).
	return z
		.string()
		.refine((text) => text.trim() !== '', 'text')
		.refine((text) => valuesOf(text).every((name) => known.has(name)), expected)
		.describe(`The site's words for "${english}"`);
}

const shape = Object.fromEntries(
	Object.entries(en).map(([key, english]) => [
		key,
		key === 'digitGroup'
			? z.string().max(1).describe('Between groups of three digits in a count: "," in English, "." in German, "" for none')
			: typeof english === 'string'
				? wording(english)
				: typeof english === 'boolean'
					? z.boolean().describe('Whether 0 takes the singular, as in French ("0 poste ouvert")')
					: z.object({ one: wording(english.one), other: wording(english.other) }).strict().describe(`The forms for one and for any other count of "${english.other}"`),
	]),
);

/**
 * The `labels` setting: a site's own words for any of the site's labels (the
 * keys of src/i18n/en.ts), over the built-in ones of its language. Each key
 * optional; an unknown key is refused, naming it.
 */
export const labelsSchema = z
	.object(shape as unknown as { [Key in keyof Labels]: z.ZodType<Labels[Key]> })
	.partial()
	.strict()
	.describe("The site's own words for its labels, over the built-in ones of its language (keys as in src/i18n/en.ts)");
