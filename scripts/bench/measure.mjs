// Runs one build and measures it: wall time, CPU time and peak memory (GNU
// time when /usr/bin/time exists), and, sampled from /proc every 250 ms on
// Linux, the peak memory and the CPU time of the whole process tree and of
// Pagefind's indexer (a child process of its own, which GNU time's figures
// may leave out: see measureBuild).

import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const GNU_TIME = '/usr/bin/time';
const SAMPLE_MS = 250;
const LOG_TAIL_CHARS = 256 * 1024;
const PAGE_SIZE_KB = 4;
/** Clock ticks per second of `/proc/<pid>/stat`'s CPU times (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** `/proc/<pid>/stat` of one process: parent, name, CPU ticks and resident pages; undefined once it has ended. */
function processStat(pid) {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The name is in parentheses and may hold spaces: the fields after it are fixed.
		const close = stat.lastIndexOf(')');
		const fields = stat.slice(close + 2).split(' ');
		return {
			comm: stat.slice(stat.indexOf('(') + 1, close),
			ppid: Number(fields[1]),
			ticks: Number(fields[11]) + Number(fields[12]),
			rssKb: Number(fields[21]) * PAGE_SIZE_KB,
		};
	} catch {
		return undefined;
	}
}

/** {@link processStat} of every process, by pid. */
function processTable() {
	const table = new Map();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		const stat = processStat(name);
		if (stat) table.set(Number(name), stat);
	}
	return table;
}

/**
 * Whether a process is a child forked a moment ago that has not yet started
 * a program of its own: its command line is its parent's, or reads empty
 * (as it does while Node's child is being set up).
 */
function forkedCopy(pid, parent) {
	try {
		const command = readFileSync(`/proc/${pid}/cmdline`);
		return command.length === 0 || command.equals(readFileSync(`/proc/${parent}/cmdline`));
	} catch {
		return false;
	}
}

/**
 * Peak RSS of a process tree (sum) and of its Pagefind processes, sampled
 * while it runs, and the CPU time of each: every process's CPU ticks when last
 * seen (the last quarter second of each is missed).
 */
function sampleTree(rootPid) {
	const peak = { treeKb: 0, pagefindKb: 0, pagefindSeenMs: 0, samples: 0 };
	const ticks = new Map();
	const pagefindPids = new Set();
	if (!existsSync('/proc/self/stat')) return { stop: () => null };
	const timer = setInterval(() => {
		const table = processTable();
		const inTree = new Set([rootPid]);
		// Parents come before children in pid order almost always; two passes catch the rest.
		for (let pass = 0; pass < 2; pass += 1) for (const [pid, proc] of table) if (inTree.has(proc.ppid)) inTree.add(pid);
		let tree = 0;
		let pagefind = 0;
		for (const pid of inTree) {
			const proc = table.get(pid);
			if (!proc) continue;
			// A child forked a moment ago that has not yet started its program (a `git` the build spawns) shares its
			// parent's pages until then, and /proc counts them again as its own: the spawnSync children of a 650 MB
			// process read 620 MB, which put a phantom second copy of the build into some samples. Its command line
			// is read first and its memory again after, so a child that starts its program in between counts its own.
			let { rssKb } = proc;
			if (inTree.has(proc.ppid) && table.get(proc.ppid)?.comm === proc.comm) {
				if (forkedCopy(pid, proc.ppid)) continue;
				rssKb = processStat(pid)?.rssKb ?? rssKb;
			}
			tree += rssKb;
			ticks.set(pid, proc.ticks);
			if (/pagefind/i.test(proc.comm)) {
				pagefind += rssKb;
				pagefindPids.add(pid);
			}
		}
		peak.samples += 1;
		peak.treeKb = Math.max(peak.treeKb, tree);
		peak.pagefindKb = Math.max(peak.pagefindKb, pagefind);
		if (pagefind > 0) peak.pagefindSeenMs += SAMPLE_MS;
	}, SAMPLE_MS);
	const seconds = (pids) => [...pids].reduce((sum, pid) => sum + (ticks.get(pid) ?? 0), 0) / TICKS_PER_SECOND;
	return {
		stop: () => {
			clearInterval(timer);
			return peak.samples > 0 ? { ...peak, treeCpuS: seconds(ticks.keys()), pagefindCpuS: seconds(pagefindPids) } : null;
		},
	};
}

/**
 * Runs a build with its own outDir and environment: `script` (the site's
 * `npm run build`, scripts/build.mjs) when given, else `node <astro> build`
 * (the plain Astro baseline, in `root`), from `cwd` (the project's folder by
 * default).
 *
 * @returns wall and CPU time (s), GNU time's peak RSS of the largest process (KB),
 *   the sampled peaks and CPU times (whole tree, Pagefind), and the tail of the log
 */
export function measureBuild({ tools, label, script, root, cwd = tools.root, outDir, env, timeDir, timeoutMs }) {
	return new Promise((resolvePromise) => {
		const useTime = existsSync(GNU_TIME);
		const timeFile = join(timeDir, `${label}.time`);
		rmSync(timeFile, { force: true });
		const astroArgs = [...(script ? [script] : [tools.astroBin, 'build']), '--outDir', outDir, ...(root ? ['--root', root] : [])];
		const command = useTime ? GNU_TIME : tools.nodeBin;
		const args = useTime ? ['-f', '%e %U %S %M', '-o', timeFile, tools.nodeBin, ...astroArgs] : astroArgs;
		const started = process.hrtime.bigint();
		const child = spawn(command, args, {
			cwd,
			env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		const sampler = sampleTree(child.pid);
		// A 10,000-role build logs megabytes: keep the tail, and read the lines the figures need as they pass.
		let log = '';
		let partial = '';
		const lines = { reused: 0, found: [] };
		const keep = (chunk) => {
			const text = chunk.toString();
			log = (log + text).slice(-LOG_TAIL_CHARS);
			const all = (partial + text).split('\n');
			partial = all.pop() ?? '';
			for (const line of all) {
				// Astro sometimes writes several pages' lines as one: count each page's mark, not each line.
				const reused = line.match(/\((?:cached|restored)\)/g)?.length ?? 0;
				if (reused > 0) lines.reused += reused;
				else if (/drew \d+ of \d+ role cards|indexed \d+ role pages?|search index copied|postings unchanged since|postings normalized, \d+ reused|careers-host-limits/.test(line)) lines.found.push(line);
			}
		};
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				// Gone already.
			}
		}, timeoutMs);
		const finish = (code, spawnError) => {
			clearTimeout(timer);
			const sampled = sampler.stop();
			const wallS = Number(process.hrtime.bigint() - started) / 1e9;
			let time = null;
			if (useTime && existsSync(timeFile)) {
				const match = /^([\d.]+) ([\d.]+) ([\d.]+) (\d+)$/.exec(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1) ?? '');
				if (match) time = { wallS: Number(match[1]), userS: Number(match[2]), systemS: Number(match[3]), peakRssKb: Number(match[4]) };
			}
			const error = spawnError ? `could not start: ${spawnError.message}` : timedOut ? `timed out after ${timeoutMs / 60000} min` : code !== 0 ? `exited with ${code}` : null;
			resolvePromise({
				ok: error === null,
				reusedPages: lines.reused,
				figureLines: lines.found.join('\n'),
				error,
				wallS: time?.wallS ?? wallS,
				// GNU time counts the processes the build waited for. Pagefind's Node API kills its indexer without
				// waiting, and the build's process often exits before it is reaped: then the indexer's CPU is in
				// the sampled figure only. The larger of the two is the build's CPU time.
				cpuS: time || sampled ? Math.max(time ? time.userS + time.systemS : 0, sampled?.treeCpuS ?? 0) : null,
				gnuTimeCpuS: time ? time.userS + time.systemS : null,
				sampledCpuS: sampled?.treeCpuS ?? null,
				pagefindCpuS: sampled && sampled.pagefindCpuS > 0 ? sampled.pagefindCpuS : null,
				peakRssKb: time?.peakRssKb ?? null,
				treePeakRssKb: sampled?.treeKb ?? null,
				pagefindPeakRssKb: sampled && sampled.pagefindKb > 0 ? sampled.pagefindKb : null,
				log,
			});
		};
		child.on('error', (error) => finish(null, error));
		child.on('close', (code) => finish(code));
	});
}

/** Figures the build prints about itself (from the lines {@link measureBuild} kept): the Pagefind step, the cards drawn, whether the pipeline ran and over how many postings. */
export function fromLog(lines) {
	const pagefind = /indexed (\d+) role pages? in (\d+) of (\d+) parts? into pagefind\/ in ([\d.]+) s/.exec(lines);
	const copied = /search index copied from the cache in ([\d.]+) s \((\d+) parts?\)/.exec(lines);
	const pipeline = /pipeline: (\d+) postings normalized, (\d+) reused from the cache, in ([\d.]+) s/.exec(lines);
	const cards = /drew (\d+) of (\d+) role cards ahead in ([\d.]+) s \(([\d.]+) cards\/s\)/.exec(lines);
	// Pages changed since their part was indexed, in a part of their own (src/integrations/search-parts.ts).
	const apart = /; (\d+) role pages? changed since (?:its|their) part was indexed/.exec(lines);
	const changesPart = apart ? { changesPart: Number(apart[1]) } : {};
	return {
		pagefind: pagefind
			? {
					pages: Number(pagefind[1]),
					partsIndexed: Number(pagefind[2]),
					parts: Number(pagefind[3]),
					seconds: Number(pagefind[4]),
					// A small site's index, begun while Astro renders its last pages (src/integrations/early-search-index.ts).
					besideAstro: /while Astro renders the other pages/.test(lines),
					...changesPart,
				}
			: copied
				? { copiedFromCache: true, parts: Number(copied[2]), seconds: Number(copied[1]), ...changesPart }
				: null,
		cards: cards ? { drawn: Number(cards[1]), of: Number(cards[2]), seconds: Number(cards[3]), perSecond: Number(cards[4]) } : null,
		pipelineSkipped: /postings unchanged since the last build/.test(lines),
		pipelineRun: pipeline ? { normalized: Number(pipeline[1]), reused: Number(pipeline[2]), seconds: Number(pipeline[3]) } : null,
	};
}

/** Files under a folder: how many, their bytes, and the largest. */
export function outputFiles(dir) {
	let count = 0;
	let bytes = 0;
	let largest = { file: null, bytes: 0 };
	const walk = (folder, prefix) => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
			if (entry.isDirectory()) walk(join(folder, entry.name), rel);
			else if (entry.isFile()) {
				const size = statSync(join(folder, entry.name)).size;
				count += 1;
				bytes += size;
				if (size > largest.bytes) largest = { file: rel, bytes: size };
			}
		}
	};
	walk(dir, '');
	return { count, bytes, largest };
}
