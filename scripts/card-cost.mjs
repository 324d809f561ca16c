#!/usr/bin/env node
// What a social card costs, step by step: satori's layout (element tree to
// SVG, text turned into paths), resvg parsing the SVG, rasterizing it
// (render(), the whole card) and encoding the palette PNG (src/social/png.ts).
// Draws N role cards in this one process, one after another, and prints the
// median and total of each step; then times renderCard itself.
// It measures; it never fails.
//
//   npx node scripts/card-cost.mjs [N]        (default 50)
//   npx node scripts/card-cost.mjs N --json   the figures as one JSON object (npm run bench uses it)
//   npx node --cpu-prof --cpu-prof-dir=/tmp/card-prof scripts/card-cost.mjs 20
//
// Titles vary per card (the seeds' titles with a number), so no two cards are alike.
// Then the same N cards are drawn again, all at once, in the card pool
// (src/social/card-pool.ts, one thread per CPU), and the PNG bytes compared.

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
import { renderCard, resvgStarted } from '../src/social/render.ts';
import { indexedPng } from '../src/social/png.ts';
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
// resvg's WebAssembly instance, started as renderCard starts it.
await resvgStarted();
// The first card pays for warming up (satori parsing the fonts, the JIT): timed apart.
const [, firstMs] = await time(() => renderCard(inputs[0]));

const steps = { layout: [], parse: [], rasterize: [], encode: [], total: [] };
let pngBytes = 0;
const pngs = [];
for (const input of inputs) {
	const [svg, layout] = await time(() =>
		satori(cardLayout(input, fonts), { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: fonts.fonts, loadAdditionalAsset: async () => [] }),
	);
	const [resvg, parse] = await time(() => new Resvg(svg, { fitTo: { mode: 'original' } }));
	const [image, rasterize] = await time(() => resvg.render());
	const [png, encode] = await time(() => indexedPng(image.pixels, image.width, image.height) ?? image.asPng());
	image.free();
	resvg.free();
	pngBytes += png.length;
	pngs.push(png);
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

// The renderer as the build calls it, on the same cards.
const asBuilt = [];
for (const input of inputs) asBuilt.push((await time(() => renderCard(input)))[1]);

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
	oneThreadCardsPerSecond: round(count / (allMs / 1000)),
	renderCard: { medianMs: round(median(asBuilt)), cardsPerSecond: round(count / (sum(asBuilt) / 1000)) },
	meanPngBytes: Math.round(pngBytes / count),
	pool: { threads: pool.size, coldMs: round(poolMs), coldCardsPerSecond: round(count / (poolMs / 1000)), warmMs: round(warmPoolMs), warmCardsPerSecond: round(count / (warmPoolMs / 1000)), identicalBytes: same },
};
if (JSON_OUT) {
	console.log(JSON.stringify(figures));
	process.exit(0);
}

console.log(`card-cost: ${count} role cards, Node ${process.version}, one thread`);
console.log(`  fonts loaded once: ${fontMs.toFixed(1)} ms; first card (warm-up): ${firstMs.toFixed(1)} ms`);
console.log('  step                      median ms   total ms   share');
const labels = { layout: 'satori layout → SVG', parse: 'resvg parse SVG', rasterize: 'resvg render()', encode: 'palette PNG encode', total: 'whole card' };
for (const [step, list] of Object.entries(steps)) {
	console.log(`  ${labels[step].padEnd(24)}${median(list).toFixed(1).padStart(11)}${sum(list).toFixed(0).padStart(11)}${`${((100 * sum(list)) / allMs).toFixed(0)}%`.padStart(8)}`);
}
console.log(`  ${figures.oneThreadCardsPerSecond} cards/s; mean PNG ${(pngBytes / count / 1024).toFixed(1)} KiB`);
console.log(`  renderCard as built: median ${figures.renderCard.medianMs} ms, ${figures.renderCard.cardsPerSecond} cards/s`);
console.log(`  pool of ${pool.size} threads: ${poolMs.toFixed(0)} ms with thread start-up (${figures.pool.coldCardsPerSecond} cards/s), ${warmPoolMs.toFixed(0)} ms warm (${figures.pool.warmCardsPerSecond} cards/s); PNG bytes ${same ? 'identical' : 'DIFFERENT'} to one thread's`);
