import { describe, expect, it } from 'vitest';
import { withoutStylesAndScripts } from '../../src/integrations/pagefind.ts';

describe('withoutStylesAndScripts', () => {
	it('empties every style and script element, whatever its attributes or case, and keeps the rest byte for byte', () => {
		const page =
			'<html lang="en"><head><title>Role</title><style>.a{color:red}</style><script type="application/ld+json">{"@type":"JobPosting"}</script>' +
			'<STYLE media="print">b{}</STYLE ></head><body><article data-pagefind-body data-pagefind-filter="page:/jobs/a/"><h1>Engineer</h1>' +
			'<p>Write &lt;style&gt; sheets</p><script>let a = "</p>";</script></article></body></html>';
		expect(withoutStylesAndScripts(page)).toBe(
			'<html lang="en"><head><title>Role</title><style></style><script type="application/ld+json"></script>' +
				'<STYLE media="print"></STYLE ></head><body><article data-pagefind-body data-pagefind-filter="page:/jobs/a/"><h1>Engineer</h1>' +
				'<p>Write &lt;style&gt; sheets</p><script></script></article></body></html>',
		);
	});
});
