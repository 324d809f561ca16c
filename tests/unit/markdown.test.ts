import { describe, expect, it } from 'vitest';
import { markdownCode, markdownText } from '../../src/utils/markdown.ts';

describe('posting text in the pull-request comment', () => {
	it('escapes what Markdown reads as syntax, in real titles of the corpus', () => {
		// Lever (RWS): a bullet-like asterisk that would open an emphasis running into the next title.
		expect(markdownText('*Future Opportunities: Join our global TrainAI talent pool')).toBe('\\*Future Opportunities: Join our global TrainAI talent pool');
		// SmartRecruiters (Bosch): the requisition's underscores and a table's pipes.
		expect(markdownText('2026_MS_EMT1_VM_Senior VS Code Extension Developer (TypeScript | DevOps | CI/CD | Kubernetes)')).toBe(
			'2026\\_MS\\_EMT1\\_VM\\_Senior VS Code Extension Developer (TypeScript \\| DevOps \\| CI/CD \\| Kubernetes)',
		);
		expect(markdownText('Associate Director - Corporate Finance / FP&A')).toBe('Associate Director - Corporate Finance / FP\\&A');
	});

	it('shows tags, links and strikethrough as the text they are', () => {
		expect(markdownText('Engineer <Platform> [Remote](https://x.example) ~~old~~ C:\\temp `code`')).toBe(
			'Engineer \\<Platform\\> \\[Remote\\](https://x.example) \\~\\~old\\~\\~ C:\\\\temp \\`code\\`',
		);
	});

	it('breaks mentions and references, which would notify people or link issues, but keeps e-mail addresses', () => {
		expect(markdownText('Data Scientist @Spotify (Req #4521), octo/repo#7, jobs@acme.example')).toBe(
			'Data Scientist @&#8203;Spotify (Req #&#8203;4521), octo/repo#&#8203;7, jobs@acme.example',
		);
		expect(markdownText('C# Developer @ Acme, #1')).toBe('C# Developer @ Acme, #&#8203;1');
	});

	it('keeps a list item on one line and drops what no output may carry', () => {
		expect(markdownText('Role\n- injected item\r\n\tand more\u0001')).toBe('Role - injected item and more');
	});

	it('fences a file name by more backticks than it holds', () => {
		expect(markdownCode('postings/role.html')).toBe('`postings/role.html`');
		expect(markdownCode('postings/a`b.html')).toBe('``postings/a`b.html``');
		expect(markdownCode('`edge`.html')).toBe('`` `edge`.html ``');
	});
});
