import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commitDates } from '../../src/sources/git-dates.ts';
import { normalizePostings } from '../../src/postings/normalize.ts';
import { suggestRoles } from '../../src/listing/suggest.ts';
import { redirectsFile } from '../../src/publish/redirects.ts';
import { errorOf, seed, seedCatalogue, seedFiles, site, TODAY } from './helpers.ts';

const role = (front: string, body = '<h3>About the role</h3><p>Build things that matter for candidates.</p>') => `---\n${front}\n---\n${body}`;

describe('datePosted', () => {
	const file = 'content/postings/a.html';

	it('comes from the front matter first', () => {
		const { postings, warnings } = normalizePostings([{ file, source: role('title: Designer\ndatePosted: 2026-03-01') }], site, {
			firstCommitted: new Map([[file, '2026-01-05']]),
			today: TODAY,
		});
		expect(postings[0]?.datePosted).toBe('2026-03-01');
		expect(postings[0]?.provenance.datePosted).toEqual({ source: 'given' });
		expect(warnings.filter((warning) => warning.includes('datePosted'))).toEqual([]);
	});

	it('then from the day git first committed the file', () => {
		const { postings } = normalizePostings([{ file, source: role('title: Designer') }], site, {
			firstCommitted: new Map([[file, '2026-01-05']]),
			lastCommitted: new Map([[file, '2026-02-10']]),
			today: TODAY,
		});
		expect(postings[0]?.datePosted).toBe('2026-01-05');
		expect(postings[0]?.dateModified).toBe('2026-02-10');
		expect(postings[0]?.provenance.datePosted).toEqual({ source: 'inferred', evidence: 'the file was first committed on 2026-01-05' });
	});

	it('else the build day, with a warning naming the file', () => {
		const { postings, warnings } = normalizePostings([{ file, source: role('title: Designer') }], site, { today: TODAY });
		expect(postings[0]?.datePosted).toBe(TODAY);
		expect(postings[0]?.dateModified).toBe(TODAY);
		expect(warnings).toContain(`${file}: datePosted: not in the front matter and the file is not committed yet; using the build date, ${TODAY}`);
	});

	it('warns on a shallow clone, where first commits lie', () => {
		const { warnings } = normalizePostings([{ file, source: role('title: Designer') }], site, {
			firstCommitted: new Map([[file, '2026-01-05']]),
			historyCaveat: 'this is a shallow git clone',
			today: TODAY,
		});
		expect(warnings).toContain(`${file}: datePosted: this is a shallow git clone`);
	});

	it('never has a modification before the role was posted', () => {
		const { postings } = normalizePostings([{ file, source: role('title: Designer\ndatePosted: 2026-03-01') }], site, {
			lastCommitted: new Map([[file, '2026-02-10']]),
		});
		expect(postings[0]?.dateModified).toBe('2026-03-01');
	});

	it('takes validThrough from the front matter, checked like any date', () => {
		const { postings } = normalizePostings([{ file, source: role('title: Designer\nvalidThrough: 2026-12-31') }], site, { today: TODAY });
		expect(postings[0]?.validThrough).toBe('2026-12-31');
		expect(errorOf([{ file, source: role('title: Designer\nvalidThrough: end of year') }])).toContain(
			`${file}: validThrough: expected a date written as YYYY-MM-DD`,
		);
	});
});

describe('commitDates', () => {
	const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, stdio: 'ignore' });
	const commit = (cwd: string, day: string, message: string) =>
		execFileSync('git', ['commit', '-qm', message], {
			cwd,
			env: { ...process.env, GIT_AUTHOR_DATE: `${day}T12:00:00Z`, GIT_COMMITTER_DATE: `${day}T12:00:00Z` },
			stdio: 'ignore',
		});

	/** A repository with a `postings` folder, for commits made on given days. */
	const newRepo = () => {
		const repo = mkdtempSync(join(tmpdir(), 'careers-git-'));
		const dir = join(repo, 'postings');
		mkdirSync(dir);
		git(repo, 'init', '-q');
		git(repo, 'config', 'user.email', 'test@example.com');
		git(repo, 'config', 'user.name', 'Test');
		return { repo, dir };
	};
	/** Writes the files (name → text) into the folder and commits them on `day`. */
	const commitFiles = (repo: string, dir: string, day: string, message: string, files: Record<string, string>) => {
		for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
		git(repo, 'add', '.');
		commit(repo, day, message);
	};

	/** Merges `branch` into the checked-out branch with a merge commit made on `day`. */
	const merge = (repo: string, day: string, branch: string) =>
		execFileSync('git', ['merge', '-q', '--no-ff', '-m', `merge ${branch}`, branch], {
			cwd: repo,
			env: { ...process.env, GIT_AUTHOR_DATE: `${day}T12:00:00Z`, GIT_COMMITTER_DATE: `${day}T12:00:00Z` },
			stdio: 'ignore',
		});

	it('reads first and last commits of each file, following renames', () => {
		const { repo, dir } = newRepo();
		commitFiles(repo, dir, '2026-01-05', 'add a and b', { 'a.html': '<p>first version of a role, long enough to be recognised when renamed</p>\n', 'b.html': '<p>b</p>\n' });
		commitFiles(repo, dir, '2026-02-10', 'change b', { 'b.html': '<p>b, changed</p>\n' });
		git(repo, 'mv', 'postings/a.html', 'postings/a-renamed.html');
		commit(repo, '2026-03-15', 'rename a');
		writeFileSync(join(dir, 'c.html'), '<p>c, not committed</p>\n');

		const { added, changed, caveat } = commitDates(dir);
		expect(Object.fromEntries(added)).toEqual({ [join(dir, 'a-renamed.html')]: '2026-01-05', [join(dir, 'b.html')]: '2026-01-05' });
		expect(Object.fromEntries(changed)).toEqual({ [join(dir, 'a-renamed.html')]: '2026-03-15', [join(dir, 'b.html')]: '2026-02-10' });
		expect(caveat).toBeUndefined();
	});

	it('takes a new role that resembles a deleted one for a new file, and a lightly edited rename for the same file', () => {
		// Two roles of one employer: its introduction, benefits and legal text around a few lines of their own.
		const shared = (role: string[]) =>
			[
				'<p>We are a team of 400 people building the payments network that small shops across Europe run on.</p>',
				'<p>Our offices are in Lisbon, Berlin and Warsaw, and most of the company works remotely two days a week.</p>',
				...role,
				'<h3>What we offer</h3>',
				'<ul><li>28 days of paid leave and your birthday off</li><li>A yearly learning budget of 1,500 euros</li><li>Private health cover for you and your family</li></ul>',
				'<p>We are an equal opportunity employer and welcome applications from people of every background.</p>',
				'<p>By applying you agree that we keep your application for twelve months, as our privacy notice explains.</p>',
			].join('\n') + '\n';
		const designer = shared(['<h3>The role</h3>', '<p>Design the onboarding of new merchants, from sign-up to first payment.</p>', '<ul><li>Five years of product design</li><li>A portfolio of shipped work</li></ul>']);
		const analyst = shared(['<h3>The role</h3>', '<p>Own the models that tell risky merchants from honest ones, in SQL and Python.</p>', '<ul><li>Three years of analytics</li><li>Fluent SQL</li></ul>']);
		const { repo, dir } = newRepo();
		commitFiles(repo, dir, '2026-01-05', 'add the designer and the analyst', { 'designer.html': designer, 'analyst.html': analyst });
		// One commit retires the designer and adds an engineer whose posting is the designer's with other role lines.
		git(repo, 'rm', '-q', 'postings/designer.html');
		commitFiles(repo, dir, '2026-05-20', 'retire the designer, add an engineer', {
			'engineer.html': shared(['<h3>The role</h3>', '<p>Build the ledger that settles every payment, in Go and Postgres.</p>', '<ul><li>Five years of backend work</li><li>Distributed systems</li></ul>']),
		});
		// The same day a rename with a new title: the analyst's file renamed, one line edited.
		git(repo, 'mv', 'postings/analyst.html', 'postings/senior-analyst.html');
		commitFiles(repo, dir, '2026-05-20', 'the analyst is senior now', { 'senior-analyst.html': analyst.replace('Three years of analytics', 'Six years of analytics') });
		// Git's own rename detection would call the engineer the designer renamed: what this test guards against.
		const gitsOwn = execFileSync('git', ['log', '-M', '--format=', '--name-status', 'HEAD~1'], { cwd: repo, encoding: 'utf8' });
		expect(gitsOwn).toMatch(/^R\d+\tpostings\/designer\.html\tpostings\/engineer\.html$/m);

		const { added, changed } = commitDates(dir);
		expect([added.get(join(dir, 'engineer.html')), changed.get(join(dir, 'engineer.html'))]).toEqual(['2026-05-20', '2026-05-20']);
		expect([added.get(join(dir, 'senior-analyst.html')), changed.get(join(dir, 'senior-analyst.html'))]).toEqual(['2026-01-05', '2026-05-20']);
		expect([added.get(join(dir, 'designer.html')), changed.get(join(dir, 'designer.html'))]).toEqual(['2026-01-05', '2026-01-05']);
	});

	it('dates what a merge brings by the merge: when it reached the branch that is built', () => {
		const { repo, dir } = newRepo();
		commitFiles(repo, dir, '2026-01-05', 'add a', { 'a.html': '<p>a</p>\n' });
		git(repo, 'checkout', '-q', '-b', 'new-roles');
		commitFiles(repo, dir, '2026-02-10', 'add b on a branch', { 'b.html': '<p>b</p>\n' });
		commitFiles(repo, dir, '2026-02-11', 'change a on a branch', { 'a.html': '<p>a, changed</p>\n' });
		git(repo, 'checkout', '-q', '-');
		commitFiles(repo, dir, '2026-02-12', 'add c', { 'c.html': '<p>c</p>\n' });
		merge(repo, '2026-02-20', 'new-roles');

		const { added, changed } = commitDates(dir);
		expect(Object.fromEntries(added)).toEqual({ [join(dir, 'a.html')]: '2026-01-05', [join(dir, 'b.html')]: '2026-02-20', [join(dir, 'c.html')]: '2026-02-12' });
		expect(Object.fromEntries(changed)).toEqual({ [join(dir, 'a.html')]: '2026-02-20', [join(dir, 'b.html')]: '2026-02-20', [join(dir, 'c.html')]: '2026-02-12' });
		// On the branch itself, before the merge: its own commits' days.
		git(repo, 'checkout', '-q', 'new-roles');
		expect(commitDates(dir).added.get(join(dir, 'b.html'))).toBe('2026-02-10');
	});

	it('keeps the dates a deleted file had, for a baseline that still has it', () => {
		const { repo, dir } = newRepo();
		commitFiles(repo, dir, '2026-01-05', 'add a and b', { 'a.html': '<p>a</p>\n', 'b.html': '<p>b</p>\n' });
		commitFiles(repo, dir, '2026-02-10', 'close a', { 'a.html': '---\nstatus: closed\n---\n<p>a</p>\n' });
		git(repo, 'rm', '-q', 'postings/a.html');
		commit(repo, '2026-06-01', 'delete a');

		const { added, changed } = commitDates(dir);
		expect([added.get(join(dir, 'a.html')), changed.get(join(dir, 'a.html'))]).toEqual(['2026-01-05', '2026-02-10']);
		// Added again, it is a new file.
		commitFiles(repo, dir, '2026-07-01', 'add a again', { 'a.html': '<p>a, again</p>\n' });
		expect([commitDates(dir).added.get(join(dir, 'a.html')), commitDates(dir).changed.get(join(dir, 'a.html'))]).toEqual(['2026-07-01', '2026-07-01']);
	});

	describe('remembered between builds', () => {
		/** Sets a file's first day in the remembered dates, as no history says: seen again only if the memory is used. */
		const tamper = (memory: string, path: string, day: string) => {
			const remembered = JSON.parse(readFileSync(memory, 'utf8')) as { files: Array<[string, string, string]> };
			const entry = remembered.files.find(([file]) => file === path);
			if (!entry) throw new Error(`${path} is not remembered`);
			entry[1] = day;
			writeFileSync(memory, JSON.stringify(remembered));
		};
		const dates = (dir: string, memory?: string) => {
			const { added, changed, caveat } = commitDates(dir, memory);
			return { added: Object.fromEntries(added), changed: Object.fromEntries(changed), caveat };
		};
		const start = () => {
			const { repo, dir } = newRepo();
			// The cache folder is no part of the history, as in a real project (node_modules/.astro).
			writeFileSync(join(repo, '.git', 'info', 'exclude'), '.cache/\n');
			commitFiles(repo, dir, '2026-01-05', 'add a and b', { 'a.html': '<p>a</p>\n', 'b.html': '<p>the role b, long enough to be known when renamed</p>\n' });
			return { repo, dir, memory: join(repo, '.cache', 'git-dates.json') };
		};

		it('gives the dates the whole history gives, and then reads only the commits since', () => {
			const { repo, dir, memory } = start();
			expect(dates(dir, memory)).toEqual(dates(dir));
			tamper(memory, 'postings/b.html', '2000-01-01');
			// Nothing committed since: the remembered dates, as they are.
			expect(dates(dir, memory).added[join(dir, 'b.html')]).toBe('2000-01-01');

			commitFiles(repo, dir, '2026-02-10', 'change a', { 'a.html': '<p>a, changed</p>\n' });
			git(repo, 'mv', 'postings/b.html', 'postings/b-renamed.html');
			commit(repo, '2026-03-15', 'rename b');
			commitFiles(repo, dir, '2026-04-01', 'add c', { 'c.html': '<p>c</p>\n' });
			git(repo, 'rm', '-q', 'postings/a.html');
			commit(repo, '2026-05-01', 'delete a');
			const remembered = dates(dir, memory);
			const whole = dates(dir);
			// Only the three commits since were read: the renamed file keeps the first day remembered for it.
			expect(remembered.added[join(dir, 'b-renamed.html')]).toBe('2000-01-01');
			expect(whole.added[join(dir, 'b-renamed.html')]).toBe('2026-01-05');
			expect({ ...remembered.added, [join(dir, 'b-renamed.html')]: '2026-01-05' }).toEqual(whole.added);
			expect(remembered.changed).toEqual(whole.changed);
			expect(whole.changed).toEqual({ [join(dir, 'a.html')]: '2026-02-10', [join(dir, 'b-renamed.html')]: '2026-03-15', [join(dir, 'c.html')]: '2026-04-01' });
		});

		it('reads the whole history when the memory is damaged, and writes it anew', () => {
			const { dir, memory } = start();
			dates(dir, memory);
			writeFileSync(memory, '{"version": "2 first-parent, renames 80%", "files": [[');
			expect(dates(dir, memory)).toEqual(dates(dir));
			expect(dates(dir).added[join(dir, 'b.html')]).toBe('2026-01-05');
			expect((JSON.parse(readFileSync(memory, 'utf8')) as { files: unknown[] }).files).toHaveLength(2);
		});

		it('reads only the commits since across merges on the branch that is built', () => {
			const { repo, dir, memory } = start();
			dates(dir, memory);
			tamper(memory, 'postings/b.html', '2000-01-01');
			git(repo, 'checkout', '-q', '-b', 'side');
			commitFiles(repo, dir, '2026-02-10', 'change b on a branch', { 'b.html': '<p>the role b, long enough to be known when renamed, changed</p>\n' });
			git(repo, 'checkout', '-q', '-');
			commitFiles(repo, dir, '2026-02-12', 'add c', { 'c.html': '<p>c</p>\n' });
			merge(repo, '2026-02-20', 'side');
			commitFiles(repo, dir, '2026-02-21', 'add d', { 'd.html': '<p>d</p>\n' });
			const remembered = dates(dir, memory);
			expect(remembered.added[join(dir, 'b.html')]).toBe('2000-01-01');
			expect({ ...remembered, added: { ...remembered.added, [join(dir, 'b.html')]: '2026-01-05' } }).toEqual(dates(dir));
			expect(dates(dir).changed).toEqual({ [join(dir, 'a.html')]: '2026-01-05', [join(dir, 'b.html')]: '2026-02-20', [join(dir, 'c.html')]: '2026-02-12', [join(dir, 'd.html')]: '2026-02-21' });
		});

		it("keeps a pull request's merge out of the memory, so the next push's merge reads only what is new", () => {
			const { repo, dir, memory } = start();
			// The base branch's build: its dates are remembered.
			dates(dir, memory);
			tamper(memory, 'postings/b.html', '2000-01-01');
			git(repo, 'checkout', '-q', '-b', 'pull-request');
			commitFiles(repo, dir, '2026-02-10', 'add c', { 'c.html': '<p>c</p>\n' });
			git(repo, 'checkout', '-q', '-');
			commitFiles(repo, dir, '2026-02-11', 'add d on the base branch', { 'd.html': '<p>d</p>\n' });
			const base = execFileSync('git', ['rev-parse', '--abbrev-ref', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
			// GitHub's preview checks out the merge of the pull request into its base, on no branch.
			const previewOf = (day: string) => {
				git(repo, 'checkout', '-q', '--detach');
				merge(repo, day, 'pull-request');
				const seen = dates(dir, memory);
				const whole = dates(dir);
				git(repo, 'checkout', '-q', base);
				return { seen, whole };
			};
			const first = previewOf('2026-02-15');
			expect(first.seen.added[join(dir, 'b.html')]).toBe('2000-01-01');
			expect({ ...first.seen, added: { ...first.seen.added, [join(dir, 'b.html')]: '2026-01-05' } }).toEqual(first.whole);
			expect(first.whole.added).toEqual({ [join(dir, 'a.html')]: '2026-01-05', [join(dir, 'b.html')]: '2026-01-05', [join(dir, 'c.html')]: '2026-02-15', [join(dir, 'd.html')]: '2026-02-11' });
			// Remembered: the base branch's dates, not the merge's.
			const kept = JSON.parse(readFileSync(memory, 'utf8')) as { head: string; files: Array<[string, string, string]> };
			expect(kept.head).toBe(execFileSync('git', ['rev-parse', base], { cwd: repo, encoding: 'utf8' }).trim());
			expect(kept.files.map(([path]) => path).sort()).toEqual(['postings/a.html', 'postings/b.html', 'postings/d.html']);

			// The next push: the pull request changed c, the base branch moved on; a new merge.
			git(repo, 'checkout', '-q', 'pull-request');
			commitFiles(repo, dir, '2026-02-16', 'change c', { 'c.html': '<p>c, changed</p>\n' });
			git(repo, 'checkout', '-q', '-');
			commitFiles(repo, dir, '2026-02-17', 'change a on the base branch', { 'a.html': '<p>a, changed</p>\n' });
			const next = previewOf('2026-02-18');
			expect(next.seen.added[join(dir, 'b.html')]).toBe('2000-01-01');
			expect({ ...next.seen, added: { ...next.seen.added, [join(dir, 'b.html')]: '2026-01-05' } }).toEqual(next.whole);
			expect(next.whole.changed).toEqual({ [join(dir, 'a.html')]: '2026-02-17', [join(dir, 'b.html')]: '2026-01-05', [join(dir, 'c.html')]: '2026-02-18', [join(dir, 'd.html')]: '2026-02-11' });
		});

		it('reads the whole history when the remembered commit is not on the line built: merged from a branch, or gone', () => {
			const { repo, dir, memory } = start();
			git(repo, 'checkout', '-q', '-b', 'side');
			commitFiles(repo, dir, '2026-02-10', 'add c on a branch', { 'c.html': '<p>c</p>\n' });
			// A build of the branch remembers the branch's dates.
			dates(dir, memory);
			tamper(memory, 'postings/b.html', '2000-01-01');
			git(repo, 'checkout', '-q', '-');
			commitFiles(repo, dir, '2026-02-12', 'add d', { 'd.html': '<p>d</p>\n' });
			merge(repo, '2026-02-20', 'side');
			// The branch's commit is an ancestor, but not on the line: its dates of c are not this line's.
			expect(dates(dir, memory)).toEqual(dates(dir));
			expect(dates(dir).added[join(dir, 'c.html')]).toBe('2026-02-20');

			// History rewritten under the remembered commit (an amended commit, a force push).
			tamper(memory, 'postings/b.html', '2000-01-01');
			commitFiles(repo, dir, '2026-03-01', 'add e', { 'e.html': '<p>e</p>\n' });
			dates(dir, memory);
			tamper(memory, 'postings/b.html', '2000-01-01');
			execFileSync('git', ['commit', '-q', '--amend', '-m', 'add e, amended'], { cwd: repo, env: { ...process.env, GIT_COMMITTER_DATE: '2026-03-02T12:00:00Z' }, stdio: 'ignore' });
			expect(dates(dir, memory)).toEqual(dates(dir));
			expect(dates(dir).added[join(dir, 'b.html')]).toBe('2026-01-05');
		});

		it('is not used in a shallow clone, whose history is not the one remembered', () => {
			const { repo, dir, memory } = start();
			commitFiles(repo, dir, '2026-02-10', 'add c', { 'c.html': '<p>c</p>\n' });
			const clone = mkdtempSync(join(tmpdir(), 'careers-shallow-'));
			execFileSync('git', ['clone', '-q', '--depth', '1', pathToFileURL(repo).href, clone], { stdio: 'ignore' });
			const cloned = join(clone, 'postings');
			dates(dir, memory);
			// The full repository's memory, at the commit the clone holds.
			const shallowMemory = join(clone, '.cache', 'git-dates.json');
			mkdirSync(dirname(shallowMemory));
			writeFileSync(shallowMemory, readFileSync(memory, 'utf8').replace(JSON.stringify(dir), JSON.stringify(cloned)));
			const shallow = dates(cloned, shallowMemory);
			expect(shallow.caveat).toMatch(/shallow git clone/);
			expect(shallow.added[join(cloned, 'a.html')]).toBe('2026-02-10');
			expect(shallow).toEqual(dates(cloned));
		});
	});

	it('knows nothing outside a repository', () => {
		const dir = mkdtempSync(join(tmpdir(), 'careers-nogit-'));
		expect(commitDates(dir).added.size).toBe(0);
	});
});

describe('former slugs', () => {
	const body = '<h3>About the role</h3><p>Build things that matter for candidates.</p>';

	it('are kept with the role', () => {
		const { postings } = normalizePostings([{ file: 'a.html', source: role('title: Designer\nformerSlugs: [designer-old, ux-designer]', body) }], site, { today: TODAY });
		expect(postings[0]?.formerSlugs).toEqual(['designer-old', 'ux-designer']);
	});

	it('must be slugs', () => {
		expect(errorOf([{ file: 'a.html', source: role('title: Designer\nformerSlugs: [Old Title]', body) }])).toContain('a.html: formerSlugs.0: expected lower-case words joined by hyphens');
	});

	it('may not take another role’s URL, or lead to two roles', () => {
		const message = errorOf([
			{ file: 'a.html', source: role('title: Designer\nformerSlugs: [engineer]', body) },
			{ file: 'b.html', source: role('title: Engineer', body) },
			{ file: 'c.html', source: role('title: Writer\nformerSlugs: [designer-old]', body) },
			{ file: 'd.html', source: role('title: Editor\nformerSlugs: [designer-old, editor]', body) },
		]);
		expect(message).toContain('a.html: formerSlugs: "engineer" is the slug of b.html; expected each old URL to lead to one role');
		expect(message).toContain('d.html: formerSlugs: "designer-old" is a former slug of c.html; expected each old URL to lead to one role');
		expect(message).toContain('d.html: formerSlugs: expected slugs other than the current one ("editor" is the current slug)');
	});
});

describe('roles without a place', () => {
	it('are published, with a warning that Google cannot list them', () => {
		const { warnings } = seedCatalogue();
		const named = warnings.filter((warning) => warning.includes(': locations:')).map((warning) => warning.split(':')[0]);
		expect(named).toEqual([seed('001').file, seed('003').file, seed('004').file]);
	});
});

describe('suggestRoles', () => {
	const { postings } = seedCatalogue();
	const titles = (list: { title: string }[]) => list.map((posting) => posting.title);

	it('offers the same team first', () => {
		expect(titles(suggestRoles(seed('001'), postings))).toEqual(['Engineering Manager, Workers Runtime']);
	});

	it('then roles in the same places', () => {
		// 000: Austin, Lisbon, London. 002 shares Lisbon and London; nothing else shares a team or place.
		expect(titles(suggestRoles(seed('000'), postings))).toEqual(['Senior Systems Engineer, Workers Runtime (C++)', 'Engineering Manager, Observability']);
	});

	it('offers nothing rather than unrelated roles', () => {
		expect(suggestRoles(seed('003'), postings)).toEqual([]);
	});

	it('never offers the role itself, and stops at the limit', () => {
		expect(suggestRoles(seed('000'), postings, 1)).toHaveLength(1);
		expect(suggestRoles(seed('000'), postings).map((posting) => posting.slug)).not.toContain(seed('000').slug);
	});
});

describe('redirectsFile', () => {
	it('writes one 301 per old URL, with and without its trailing slash, sorted', () => {
		expect(
			redirectsFile([
				{ from: '/jobs/b/', to: '/jobs/new-b/' },
				{ from: '/jobs/a/', to: '/jobs/new-a/' },
			]).split('\n').slice(1),
		).toEqual(['/jobs/a/ /jobs/new-a/ 301', '/jobs/a /jobs/new-a/ 301', '/jobs/b/ /jobs/new-b/ 301', '/jobs/b /jobs/new-b/ 301', '']);
	});

	it('is only a comment when nothing moved', () => {
		expect(redirectsFile([]).trim().split('\n')).toHaveLength(1);
	});
});

it('keeps every seed file in the catalogue', () => {
	expect(seedCatalogue().postings.map((posting) => posting.file)).toEqual(seedFiles().map((file) => file.file));
});
