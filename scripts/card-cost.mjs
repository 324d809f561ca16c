#!/usr/bin/env node
// What a social card costs. A role card is painted: its site's frame (drawn
// whole once per thread) with the title, team and places laid on from glyph
// masks (src/social/paint.ts). The site's card, and each frame, are drawn
// whole: satori's layout (element tree to SVG, text turned into paths), resvg
// parsing the SVG, rasterizing it and the palette PNG (src/social/png.ts).
// Draws N role cards both ways in this one process, one after another, and
// prints the median and total of each step of the whole drawing and what a
// painted card costs; then paints the same N cards in the card pool
// (src/social/card-pool.ts, one thread per CPU) and compares the PNG bytes.
// It measures; it never fails.
//
//   npx node scripts/card-cost.mjs [N]        (default 50)
//   npx node scripts/card-cost.mjs N --json   the figures as one JSON object (npm run bench uses it)
//   npx node --cpu-prof --cpu-prof-dir=/tmp/card-prof scripts/card-cost.mjs 20
//
// Titles vary per card (the seeds' titles with a number), so no two cards are alike.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-wasm';
import { normalizePostings } from '../src/postings/normalize.ts';
import { readSiteConfig } from '../src/config/site-config.ts';
import { roleCardInput } from '../src/social/card-input.ts';
import { CARD_HEIGHT, CARD_WIDTH, cardLayout } from '../src/social/card-layout.ts';
import { cardFonts } from '../src/social/fonts.ts';
import { paintRoleCard } from '../src/social/paint.ts';
import { renderCard } from '../src/social/render.ts';
import { resvgStarted } from '../src/social/resvg.ts';
import { cardPng } from '../src/social/png.ts';
import { CardPool, cardWorkerUrl } from '../src/social/card-pool.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const JSON_OUT = args.includes('--json');
const countArg = args.find((arg) => arg !== '--json');
const count = Number(countArg ?? 50);
if (!Number.isInteger(count) || count < 1) throw new Error(`card-cost: N must be a positive whole number, not ${countArg}`);

const site = readSiteConfig(join(ROOT, 'content/site.yaml'));
const seedDir = join(ROOT, 'content/postings');
const files = readdirSync(seedDir)
	.sort()
	.map((name) => ({ file: `content/postings/${name}`, source: readFileSync(join(seedDir, name), 'utf8') }));
const postings = normalizePostings(files, site).postings;
const inputs = Array.from({ length: count }, (_, index) => {
	const posting = postings[index % postings.length];
	return roleCardInput({ ...posting, title: `${posting.title} ${index + 1}` }, site);
});

const time = async (fn) => {
	const start = performance.now();
	const value = await fn();
	return [value, performance.now() - start];
};

const [fonts, fontMs] = await time(() => cardFonts());
// resvg's WebAssembly instance, started as the renderers start it.
await resvgStarted();
// The first card of each kind pays for warming up (satori parsing the fonts, HarfBuzz loading them, the frame, the JIT): timed apart.
const [, firstWholeMs] = await time(async () => satori(cardLayout(inputs[0], fonts), { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: fonts.fonts, loadAdditionalAsset: async () => [] }));
const [, firstMs] = await time(() => paintRoleCard(inputs[0]));

const steps = { layout: [], parse: [], rasterize: [], encode: [], total: [] };
for (const input of inputs) {
	const [svg, layout] = await time(() =>
		satori(cardLayout(input, fonts), { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: fonts.fonts, loadAdditionalAsset: async () => [] }),
	);
	const [resvg, parse] = await time(() => new Resvg(svg, { fitTo: { mode: 'original' } }));
	const [image, rasterize] = await time(() => resvg.render());
	const [, encode] = await time(() => cardPng(image.pixels, image.width, image.height));
	image.free();
	resvg.free();
	steps.layout.push(layout);
	steps.parse.push(parse);
	steps.rasterize.push(rasterize);
	steps.encode.push(encode);
	steps.total.push(layout + parse + rasterize + encode);
}

const median = (list) => {
	const sorted = [...list].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const sum = (list) => list.reduce((total, value) => total + value, 0);
const allMs = sum(steps.total);

// The renderer as the build calls it: role cards painted.
const painted = [];
const pngs = [];
let pngBytes = 0;
for (const input of inputs) {
	const [png, ms] = await time(() => renderCard(input));
	painted.push(ms);
	pngs.push(png);
	pngBytes += png.length;
}

const pool = new CardPool(cardWorkerUrl());
const [pooled, poolMs] = await time(() => Promise.all(inputs.map((input) => pool.render(input))));
const [, warmPoolMs] = await time(() => Promise.all(inputs.map((input) => pool.render(input))));
await pool.close();
const same = pooled.every((png, index) => Buffer.from(png).equals(Buffer.from(pngs[index])));

const round = (ms) => Number(ms.toFixed(1));
const figures = {
	cards: count,
	fontLoadMs: round(fontMs),
	firstCardMs: round(firstMs),
	steps: Object.fromEntries(Object.entries(steps).map(([step, list]) => [step, { medianMs: round(median(list)), totalMs: round(sum(list)), share: Number((sum(list) / allMs).toFixed(3)) }])),
	whole: { firstCardMs: round(firstWholeMs), medianMs: round(median(steps.total)), cardsPerSecond: round(count / (allMs / 1000)) },
	renderCard: { medianMs: round(median(painted)), cardsPerSecond: round(count / (sum(painted) / 1000)) },
	meanPngBytes: Math.round(pngBytes / count),
	pool: { threads: pool.size, coldMs: round(poolMs), coldCardsPerSecond: round(count / (poolMs / 1000)), warmMs: round(warmPoolMs), warmCardsPerSecond: round(count / (warmPoolMs / 1000)), identicalBytes: same },
};
if (JSON_OUT) {
	console.log(JSON.stringify(figures));
	process.exit(0);
}

console.log(`card-cost: ${count} role cards, Node ${process.version}, one thread`);
console.log(`  fonts loaded once: ${fontMs.toFixed(1)} ms; first painted card (HarfBuzz, the frame): ${firstMs.toFixed(1)} ms`);
console.log('  drawn whole (the site card, and each frame)   median ms   total ms   share');
const labels = { layout: 'satori layout → SVG', parse: 'resvg parse SVG', rasterize: 'resvg render()', encode: 'palette PNG encode', total: 'whole card' };
for (const [step, list] of Object.entries(steps)) {
	console.log(`  ${labels[step].padEnd(45)}${median(list).toFixed(1).padStart(10)}${sum(list).toFixed(0).padStart(11)}${`${((100 * sum(list)) / allMs).toFixed(0)}%`.padStart(8)}`);
}
console.log(`  ${figures.whole.cardsPerSecond} cards/s drawn whole`);
console.log(`  painted (renderCard, as built): median ${figures.renderCard.medianMs} ms, ${figures.renderCard.cardsPerSecond} cards/s; mean PNG ${(pngBytes / count / 1024).toFixed(1)} KiB`);
console.log(`  pool of ${pool.size} threads: ${poolMs.toFixed(0)} ms with thread start-up (${figures.pool.coldCardsPerSecond} cards/s), ${warmPoolMs.toFixed(0)} ms warm (${figures.pool.warmCardsPerSecond} cards/s); PNG bytes ${same ? 'identical' : 'DIFFERENT'} to one thread's`);
