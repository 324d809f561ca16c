import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makePlace } from '../../src/postings/places/make.ts';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import satori, { type SatoriNode } from 'satori';
import type { Location } from '../../src/schemas/posting.ts';
import { roleCardInput, siteCardInput, type CardInput, type RoleCardInput } from '../../src/social/card-input.ts';
import { CARD_HEIGHT, CARD_WIDTH, cardLayout, type CardChild } from '../../src/social/card-layout.ts';
import { locationLine, printable } from '../../src/social/card-text.ts';
import { builtInLabels } from '../../src/i18n/languages.ts';
import { cardDigest, drawAhead, MIN_CARDS_AHEAD, socialCard } from '../../src/social/cache.ts';
import { CARD_KEEP_DAYS, cardCacheDir, pruneCardCache } from '../../src/social/card-folder.ts';
import { CardPool, cardWorkerUrl } from '../../src/social/card-pool.ts';
import { cardFonts } from '../../src/social/fonts.ts';
import { renderCard } from '../../src/social/render.ts';
import { rasterize } from '../../src/social/resvg.ts';
import { cardPng, indexedPng } from '../../src/social/png.ts';
import { seed, site } from './helpers.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk, which must come first. */
function pngSize(png: Uint8Array): { width: number; height: number } {
	expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
	const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
	expect(new TextDecoder().decode(png.subarray(12, 16))).toBe('IHDR');
	return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** All text in a card's element tree, in order. */
function texts(node: CardChild | CardChild[] | undefined): string[] {
	if (node === undefined) return [];
	if (typeof node === 'string') return [node];
	if (Array.isArray(node)) return node.flatMap(texts);
	return texts(node.props.children);
}

/** Boxes satori laid out for a card: every one must lie inside the card. */
async function layoutBoxes(input: RoleCardInput): Promise<SatoriNode[]> {
	const fonts = cardFonts();
	const boxes: SatoriNode[] = [];
	await satori(cardLayout(input, fonts), { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: fonts.fonts, onNodeDetected: (node) => boxes.push(node) });
	return boxes;
}

const city = (name: string, country: string, _countryName: string, remote = false): Location => makePlace({ city: name, country, remote });

const FIVE_CITIES = [
	city('Lisbon', 'PT', 'Portugal'),
	city('London', 'GB', 'United Kingdom'),
	city('Austin', 'US', 'United States'),
	city('Singapore', 'SG', 'Singapore'),
	city('Sydney', 'AU', 'Australia'),
];

let cacheDir: string;
beforeAll(() => {
	cacheDir = mkdtempSync(join(tmpdir(), 'social-cards-'));
});
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('a role card', () => {
	it('is a 1200×630 PNG', async () => {
		const png = await renderCard(roleCardInput(seed('000'), site));
		expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
	});

	it('shows the title, team, places, company and site address', () => {
		const shown = texts(cardLayout(roleCardInput(seed('000'), site), cardFonts()));
		expect(shown).toEqual(["WE'RE HIRING", 'Engineering Manager, Workers Runtime', 'Workers Runtime', 'Austin, Lisbon, London', 'C', 'Cloudflare', 'careers.example.com']);
	});

	it('falls back to the department, and shows no place line when the posting names none', () => {
		const input = roleCardInput(seed('003'), site);
		expect(input).toMatchObject({ title: 'Systems Engineer, Global Scheduling', team: undefined, location: undefined });
		expect(roleCardInput({ ...seed('004'), team: undefined }, site).team).toBe('Engineering');
		expect(texts(cardLayout(input, cardFonts()))).toEqual(["WE'RE HIRING", 'Systems Engineer, Global Scheduling', 'C', 'Cloudflare', 'careers.example.com']);
	});

	it('lays out a very long title and many places inside the card', async () => {
		const input: RoleCardInput = {
			...roleCardInput(seed('002'), site),
			title: 'Principal Distinguished Senior Staff Software Engineer, Developer Platform Infrastructure and Reliability (Workers, Durable Objects, R2, D1, Queues)',
			team: 'Emerging Technologies & Incubation (ETI), and a department name far too long for one line of any card',
			location: locationLine(FIVE_CITIES),
		};
		const boxes = await layoutBoxes(input);
		for (const box of boxes) {
			expect(box.left, box.textContent).toBeGreaterThanOrEqual(0);
			expect(box.top, box.textContent).toBeGreaterThanOrEqual(0);
			expect(box.left + box.width, box.textContent).toBeLessThanOrEqual(CARD_WIDTH);
			expect(box.top + box.height, box.textContent).toBeLessThanOrEqual(CARD_HEIGHT);
		}
		expect(pngSize(await renderCard(input))).toEqual({ width: 1200, height: 630 });
	});

	it('draws the rule above the foot where the foot\'s border was: rows 516 and 517, zinc-200, the whole width', async () => {
		const pixels = await pixelsOf(await renderCard(roleCardInput(seed('002'), site)));
		const row = (y: number) => new Set(Array.from({ length: CARD_WIDTH }, (_, x) => pixels.subarray(4 * (y * CARD_WIDTH + x), 4 * (y * CARD_WIDTH + x) + 4).join()));
		expect(row(515)).toEqual(new Set(['255,255,255,255']));
		expect(row(516)).toEqual(new Set(['228,228,231,255']));
		expect(row(517)).toEqual(new Set(['228,228,231,255']));
		// The foot begins with white where its brand mark and text are not.
		expect(pixels.subarray(4 * 518 * CARD_WIDTH, 4 * 518 * CARD_WIDTH + 4).join()).toBe('255,255,255,255');
	});

	it('renders a CJK title as a plain headline instead of missing-glyph boxes', async () => {
		const input = { ...roleCardInput(seed('000'), site), title: 'シニアソフトウェアエンジニア 🚀' };
		expect(texts(cardLayout(input, cardFonts()))).toContain('Open role at Cloudflare');
		expect(pngSize(await renderCard(input))).toEqual({ width: 1200, height: 630 });
	});

	it('on a Hebrew site, whose words the fonts cannot draw either, shows no badge and the company as the headline', async () => {
		const input = { ...roleCardInput(seed('000'), site, builtInLabels('he')!), title: 'מהנדס/ת תוכנה' };
		const shown = texts(cardLayout(input, cardFonts()));
		expect(shown).toContain('Cloudflare');
		expect(shown).not.toContain('');
		expect(pngSize(await renderCard(input))).toEqual({ width: 1200, height: 630 });
	});
});

/** RGBA pixels of a PNG, decoded by resvg. */
const pixelsOf = (png: Uint8Array): Promise<Uint8Array> => {
	const { width, height } = pngSize(png);
	return rasterize(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="data:image/png;base64,${Buffer.from(png).toString('base64')}"/></svg>`);
};

/** RGBA pixels of the card as resvg draws it. */
async function cardPixels(input: CardInput): Promise<Uint8Array> {
	const fonts = cardFonts();
	const svg = await satori(cardLayout(input, fonts), { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: fonts.fonts });
	return rasterize(svg);
}

/** How far two cards' pixels are apart: pixels off by more than 96 of 255 in some channel, and the mean of the largest channel difference. */
function difference(a: Uint8Array, b: Uint8Array): { far: number; mean: number } {
	let far = 0;
	let sum = 0;
	for (let at = 0; at < a.length; at += 4) {
		const most = Math.max(Math.abs(a[at]! - b[at]!), Math.abs(a[at + 1]! - b[at + 1]!), Math.abs(a[at + 2]! - b[at + 2]!));
		if (most > 96) far++;
		sum += most;
	}
	return { far, mean: sum / (a.length / 4) };
}

describe('a role card painted on its frame', () => {
	const base = roleCardInput(seed('000'), site);
	const cards: RoleCardInput[] = [
		...['000', '001', '002', '003', '004'].map((id) => roleCardInput(seed(id), site)),
		// Three lines and an ellipsis; a team cut to one line; five places as "+3 more".
		{
			...base,
			title: 'Principal Distinguished Senior Staff Software Engineer, Developer Platform Infrastructure and Reliability (Workers, Durable Objects, R2, D1, Queues)',
			team: 'Emerging Technologies & Incubation (ETI), and a department name far too long for one line of any card',
			location: locationLine(FIVE_CITIES),
		},
		// A word wider than the card, broken between its letters.
		{ ...base, title: 'Supercalifragilisticexpialidociousandevenlongerwordthatcannotfitonalineatall Engineer' },
		// Breaks after a hyphen and a slash; a dash.
		{ ...base, title: 'Full-Stack Engineer, Backend/Payments (Remote) — EMEA' },
		// Latin Extended from the second font, mixed with the first in one word.
		{ ...base, title: 'Ingénieur·e logiciel senior – Équipe Paiements (Łódź / Kraków)', team: 'Zespół Płatności', location: 'São Paulo, Curaçao, Zürich' },
		// A first line that fits only with its last space hanging past the edge.
		{ ...base, title: 'Engineer, Cloudflare Tunnel Lead AI Solutions' },
		// Kerning pairs, curly quotes and an ellipsis of the title's own, on another site's frame.
		{ ...base, title: 'AVATAR Wave Typography: kerning “quotes” and ‘apostrophes’ …', brandColor: '#2563eb', company: 'Acme' },
	];

	it('is the card satori and resvg draw whole, to within the shading of glyph edges', async () => {
		for (const input of cards) {
			const whole = await cardPixels(input);
			const painted = await pixelsOf(await renderCard(input));
			// A word on another line, or cut elsewhere, moves thousands of pixels; glyphs a quarter pixel off move none this far.
			const { far, mean } = difference(whole, painted);
			expect(far, input.title).toBeLessThanOrEqual(8);
			expect(mean, input.title).toBeLessThan(0.5);
		}
	});

	it('is the same bytes whatever this thread painted before', async () => {
		const first = await renderCard(cards[1]!);
		// A card on the same frame with more text (it paints more rows), and one on another frame.
		await renderCard({ ...cards[5]!, team: cards[1]!.team, location: cards[1]!.location });
		await renderCard(cards[3]!);
		expect(Buffer.from(await renderCard(cards[1]!)).equals(Buffer.from(first))).toBe(true);
	});
});

describe('the palette PNG', () => {
	it('is what renderCard writes for the site card, and decodes to the pixels resvg drew', async () => {
		const input = siteCardInput({ ...site, title: 'Careers at Cloudflare' });
		expect(Buffer.from(await pixelsOf(await renderCard(input))).equals(Buffer.from(await cardPixels(input)))).toBe(true);
	});

	it('encodes a card as a palette PNG that decodes to the same pixels', async () => {
		const pixels = await cardPixels(roleCardInput(seed('002'), site));
		const png = indexedPng(pixels, CARD_WIDTH, CARD_HEIGHT)!;
		expect(png[25], 'colour type').toBe(3);
		expect(Buffer.from(await pixelsOf(png)).equals(Buffer.from(pixels))).toBe(true);
	});

	it('leaves an image with transparent pixels or over 256 colours to the RGBA encoder, which keeps every pixel', async () => {
		const clear = new Uint8Array(4 * 4 * 4);
		expect(indexedPng(clear, 4, 4)).toBeUndefined();
		const many = new Uint8Array(4 * 300).map((_, index) => (index % 4 === 3 ? 255 : index % 4 === 0 ? index >> 2 : (index >> 2) >> 8));
		expect(indexedPng(many, 300, 1)).toBeUndefined();
		const png = cardPng(many, 300, 1);
		expect(png[25], 'colour type').toBe(6);
		const decoded = await rasterize(`<svg xmlns="http://www.w3.org/2000/svg" width="300" height="1"><image width="300" height="1" href="data:image/png;base64,${Buffer.from(png).toString('base64')}"/></svg>`);
		expect(Buffer.from(decoded).equals(Buffer.from(many))).toBe(true);
	});
});

describe('the place line', () => {
	it('names seed 002’s four cities as two and "+2 more", all of them open to remote work', () => {
		expect(locationLine(seed('002').locations)).toBe('Amsterdam, Lisbon +2 more, or remote');
	});

	it('names up to three places, then two and "+N more"', () => {
		expect(locationLine(seed('000').locations)).toBe('Austin, Lisbon, London');
		expect(locationLine(FIVE_CITIES)).toBe('Lisbon, London +3 more');
	});

	it('is absent without places, and says so for a remote-only role', () => {
		expect(locationLine(seed('001').locations)).toBeUndefined();
		expect(locationLine([makePlace({ country: 'US', remote: true })])).toBe('Remote (United States)');
	});
});

describe('text the fonts cannot draw', () => {
	const { covers } = cardFonts();

	it('keeps Latin letters with diacritics', () => {
		expect(printable('Łódź – Kraków · São Paulo', covers)).toBe('Łódź – Kraków · São Paulo');
	});

	it('draws every Latin Extended letter with its own glyph, not the missing-glyph box', async () => {
		const fonts = cardFonts();
		const glyph = (char: string) =>
			satori({ type: 'div', props: { style: { display: 'flex', fontFamily: fonts.family, fontSize: 40 }, children: char } }, { width: 100, height: 100, fonts: fonts.fonts });
		const missing = await glyph('ы');
		for (const char of 'ŁłőűșțĞğŽžĀ') {
			expect(covers(char.codePointAt(0)!), char).toBe(true);
			expect(await glyph(char), char).not.toBe(missing);
		}
	});

	it('drops symbols and emoji the fonts lack, and gives up on letters they lack', () => {
		expect(printable('Rust Engineer 🦀 ✓', covers)).toBe('Rust Engineer');
		expect(printable('ソフトウェアエンジニア', covers)).toBeUndefined();
		expect(printable('Инженер', covers)).toBeUndefined();
	});
});

describe('the site card', () => {
	it('shows the site title, description, company and address', async () => {
		const input = siteCardInput({ ...site, title: 'Careers at Cloudflare' });
		expect(texts(cardLayout(input, cardFonts()))).toEqual([
			'C',
			'Cloudflare',
			'Careers at Cloudflare',
			'Open roles at Cloudflare, on a mission to help build a better Internet.',
			'careers.example.com',
		]);
		expect(pngSize(await renderCard(input))).toEqual({ width: 1200, height: 630 });
	});
});

describe('the card cache', () => {
	const input = roleCardInput(seed('000'), site);

	it('gives the same input the same digest, and a new one for a changed title or brand colour', () => {
		const digest = cardDigest(input);
		expect(digest).toMatch(/^[0-9a-f]{64}$/);
		expect(cardDigest({ ...input })).toBe(digest);
		expect(cardDigest(roleCardInput(seed('000'), site))).toBe(digest);
		expect(cardDigest({ ...input, title: 'Engineering Manager, Workers Runtime (Remote)' })).not.toBe(digest);
		expect(cardDigest({ ...input, brandColor: '#2563eb' })).not.toBe(digest);
		expect(cardDigest({ ...input, location: undefined })).not.toBe(digest);
	});

	it('draws a card once, then serves it from the cache without drawing', async () => {
		const render = vi.fn(renderCard);
		const first = await socialCard(input, { cacheDir, render });
		expect(first.cached).toBe(false);
		expect(render).toHaveBeenCalledTimes(1);

		const never = vi.fn(async (): Promise<Uint8Array<ArrayBuffer>> => {
			throw new Error('a cache hit must not draw');
		});
		const second = await socialCard(input, { cacheDir, render: never });
		expect(second.cached).toBe(true);
		expect(never).not.toHaveBeenCalled();
		expect(Buffer.from(second.png).equals(Buffer.from(first.png))).toBe(true);
		expect(readdirSync(cacheDir)).toEqual([`${first.digest}.png`]);
	});

	it('leaves only whole cards behind when several builds draw the same card at once', async () => {
		const dir = join(cacheDir, 'parallel');
		const other = { ...input, title: 'Another role' };
		const results = await Promise.all(Array.from({ length: 6 }, () => socialCard(other, { cacheDir: dir })));
		const digest = cardDigest(other);
		expect(readdirSync(dir)).toEqual([`${digest}.png`]);
		const stored = readFileSync(join(dir, `${digest}.png`));
		for (const result of results) expect(Buffer.from(result.png).equals(stored)).toBe(true);
	});

	describe('kept to the cards builds use', () => {
		const DAY = 24 * 60 * 60 * 1000;
		/** A folder of files (name → days since a build last used it). */
		const folder = (label: string, ages: Record<string, number>, now: number) => {
			const dir = join(cacheDir, label);
			mkdirSync(dir, { recursive: true });
			for (const [name, days] of Object.entries(ages)) {
				writeFileSync(join(dir, name), 'card');
				const time = new Date(now - days * DAY);
				utimesSync(join(dir, name), time, time);
			}
			return dir;
		};
		const never = async (): Promise<Uint8Array<ArrayBuffer>> => {
			throw new Error('a cache hit must not draw');
		};

		it(`removes cards no build has used for ${CARD_KEEP_DAYS} days, and temporary files a stopped build left`, () => {
			const now = Date.parse('2026-12-04T12:00:00Z');
			const dir = folder('prune', { 'used-today.png': 0, 'used-13-days-ago.png': 13, 'unused-15-days.png': 15, 'unused-a-year.png': 365, 'a.png.123.tmp': 30, 'notes.txt': 400 }, now);
			expect(pruneCardCache(dir, now)).toEqual({ removed: 3, kept: 2 });
			expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'used-13-days-ago.png', 'used-today.png']);
			expect(pruneCardCache(join(cacheDir, 'no-such-folder'), now)).toEqual({ removed: 0, kept: 0 });
		});

		it('counts a card as used when a page reads it, and when a build finds it cached before drawing ahead', async () => {
			const now = Date.now();
			const roles = Array.from({ length: 3 }, (_, index) => ({ ...input, title: `Used ${index + 1}` }));
			const dir = folder('used', Object.fromEntries(roles.map((role) => [`${cardDigest(role)}.png`, 100])), now);
			const read = await socialCard(roles[0]!, { cacheDir: dir, render: never });
			expect(read.cached).toBe(true);
			// The other two are found cached by the build's look ahead (too few missing to draw: nothing is).
			expect(await drawAhead(roles.slice(1), { cacheDir: dir, render: never })).toBe(0);
			for (const role of roles) expect(statSync(join(dir, `${cardDigest(role)}.png`)).mtimeMs).toBeGreaterThan(now - DAY);
			expect(pruneCardCache(dir)).toEqual({ removed: 0, kept: 3 });
		});
	});

	it('lives in Astro’s cache folder, which ASTRO_CACHE_DIR moves', () => {
		expect(cardCacheDir({}, '/project')).toBe(resolve('/project/node_modules/.astro/social-cards'));
		expect(cardCacheDir({ ASTRO_CACHE_DIR: '.builds/lifecycle-cache' }, '/project')).toBe(resolve('/project/.builds/lifecycle-cache/social-cards'));
	});
});

describe('the card pool', () => {
	let pool: CardPool;
	beforeAll(() => {
		pool = new CardPool(cardWorkerUrl()!, 2);
	});
	afterAll(() => pool.close());

	it('finds its worker script next to itself', () => {
		expect(cardWorkerUrl()?.href).toBe(pathToFileURL(resolve('src/social/card-worker.ts')).href);
	});

	it('draws the same PNG bytes as the renderer in this thread, many cards at once', async () => {
		const kinds: CardInput[] = [
			roleCardInput(seed('000'), site),
			roleCardInput(seed('003'), site),
			{ ...roleCardInput(seed('000'), site), title: 'シニアソフトウェアエンジニア 🚀' },
			siteCardInput({ ...site, title: 'Careers at Cloudflare' }),
		];
		// More than one thread holds (16 cards), so the second thread starts and takes its share.
		const inputs = Array.from({ length: 40 }, (_, index) => {
			const input = kinds[index % kinds.length]!;
			return input.kind === 'role' && index >= kinds.length ? { ...input, title: `${input.title} ${index}` } : input;
		});
		const pooled = await Promise.all(inputs.map((input) => pool.render(input)));
		expect(pool.threads).toBe(2);
		for (const [index, input] of inputs.entries()) {
			const here = await renderCard(input);
			expect(Buffer.from(pooled[index]!).equals(Buffer.from(here)), `card ${index}`).toBe(true);
		}
	});

	it('starts a second thread only when there are more cards than one holds', async () => {
		const few = new CardPool(cardWorkerUrl()!, 2);
		await Promise.all(Array.from({ length: 5 }, (_, index) => few.render({ ...roleCardInput(seed('001'), site), title: `Few ${index}` })));
		expect(few.threads).toBe(1);
		await few.close();
	});

	it('refuses a card it cannot draw with the renderer’s own error, and draws the next one', async () => {
		const broken = { kind: 'site' } as unknown as CardInput;
		const here = await renderCard(broken).then(
			() => 'drawn',
			(error: Error) => error.message,
		);
		expect(here).toBe("Cannot read properties of undefined (reading 'replace')");
		await expect(pool.render(broken)).rejects.toThrow(here);
		expect(pngSize(await pool.render(roleCardInput(seed('001'), site)))).toEqual({ width: 1200, height: 630 });
	});

	it('refuses every card at once when its threads cannot start', async () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		const missing = new CardPool(pathToFileURL(join(cacheDir, 'no-such-worker.ts')), 2);
		const input = roleCardInput(seed('000'), site);
		const results = await Promise.allSettled([missing.render(input), missing.render(input), missing.render(input)]);
		expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
		await expect(missing.render(input)).rejects.toThrow(/no-such-worker\.ts/);
		expect(warn).toHaveBeenCalledTimes(1);
		expect(String(warn.mock.calls[0]![0])).toMatch(/^social cards: card threads cannot start, cards are drawn one at a time: .*no-such-worker\.ts/);
		warn.mockRestore();
		await missing.close();
	});
});

describe('drawing cards ahead', () => {
	/** Role cards that differ only in their title. */
	const roles = (count: number, label: string): RoleCardInput[] =>
		Array.from({ length: count }, (_, index) => ({ ...roleCardInput(seed('000'), site), title: `${label} ${index + 1}` }));
	const never = async (): Promise<Uint8Array<ArrayBuffer>> => {
		throw new Error('a cache hit must not draw');
	};

	it('draws each card not in the cache once; the pages then read them without drawing', async () => {
		const dir = join(cacheDir, 'ahead');
		const inputs = roles(MIN_CARDS_AHEAD + 2, 'Ahead');
		const render = vi.fn(renderCard);
		expect(await drawAhead([...inputs, inputs[0]!], { cacheDir: dir, render })).toBe(MIN_CARDS_AHEAD + 2);
		expect(render).toHaveBeenCalledTimes(MIN_CARDS_AHEAD + 2);
		expect(readdirSync(dir).sort()).toEqual(inputs.map((input) => `${cardDigest(input)}.png`).sort());
		for (const [index, input] of inputs.entries()) {
			const card = await socialCard(input, { cacheDir: dir, render: never });
			expect(card.cached).toBe(true);
			if (index < 2) expect(Buffer.from(card.png).equals(Buffer.from(await renderCard(input)))).toBe(true);
		}
		// The cards are cached now: a second build draws nothing.
		expect(await drawAhead(inputs, { cacheDir: dir, render: never })).toBe(0);
	});

	it('hands a page the card it drew, without reading it back from the cache', async () => {
		const dir = join(cacheDir, 'handed');
		const inputs = roles(MIN_CARDS_AHEAD, 'Handed');
		expect(await drawAhead(inputs, { cacheDir: dir, render: renderCard })).toBe(MIN_CARDS_AHEAD);
		// Gone from the cache (a build's cache pruned under it, say): the page still gets the card drawn for it.
		rmSync(dir, { recursive: true, force: true });
		const card = await socialCard(inputs[0]!, { cacheDir: dir, render: never });
		expect(card.cached).toBe(true);
		expect(Buffer.from(card.png).equals(Buffer.from(await renderCard(inputs[0]!)))).toBe(true);
	});

	it(`leaves fewer than ${MIN_CARDS_AHEAD} cards to the pages: threads would cost more than they save`, async () => {
		const dir = join(cacheDir, 'few');
		const inputs = roles(MIN_CARDS_AHEAD - 1, 'Few');
		const render = vi.fn(renderCard);
		expect(await drawAhead(inputs, { cacheDir: dir, render })).toBe(0);
		expect(render).not.toHaveBeenCalled();
		expect((await socialCard(inputs[0]!, { cacheDir: dir })).cached).toBe(false);
	});

	it('makes a page wait for its card being drawn, instead of drawing it twice', async () => {
		const dir = join(cacheDir, 'waiting');
		const inputs = roles(MIN_CARDS_AHEAD, 'Waited for');
		let finish!: () => void;
		const started = new Promise<void>((resolve) => (finish = resolve));
		const ahead = drawAhead(inputs, {
			cacheDir: dir,
			render: async (card) => {
				await started;
				return renderCard(card);
			},
		});
		const page = socialCard(inputs[3]!, { cacheDir: dir, render: never });
		finish();
		expect((await page).cached).toBe(true);
		expect(await ahead).toBe(MIN_CARDS_AHEAD);
	});

	it('leaves a card it could not draw to the page, which draws it itself', async () => {
		const dir = join(cacheDir, 'failed');
		const inputs = roles(MIN_CARDS_AHEAD, 'Failed ahead');
		expect(await drawAhead(inputs, { cacheDir: dir, render: async () => Promise.reject(new Error('thread lost')) })).toBe(0);
		const render = vi.fn(renderCard);
		expect((await socialCard(inputs[0]!, { cacheDir: dir, render })).cached).toBe(false);
		expect(render).toHaveBeenCalledTimes(1);
	});
});
