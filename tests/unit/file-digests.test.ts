import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileDigest, readRecords, recordOf, unchangedSince } from '../../src/utils/file-digests.ts';

const dir = mkdtempSync(join(tmpdir(), 'careers-file-digests-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BUILT = new Date('2026-12-01T10:00:00.250Z');
const RESTORED = new Date('2026-12-01T10:00:00.000Z');

/** Writes a file and sets its time, as a build writing a page and a host restoring it would. */
function write(name: string, text: string, time = BUILT): string {
	const path = join(dir, name);
	writeFileSync(path, text);
	utimesSync(path, time, time);
	return path;
}

describe('file records', () => {
	it('records a file by size, time and the sha256 of its bytes', () => {
		const path = write('page.html', '<p>Rocket engineer</p>');
		expect(recordOf(path)).toEqual([22, BUILT.getTime(), fileDigest(path)]);
		expect(fileDigest(path)).toBe('8189e0hDLwIewrez4ErhYtydnwmF7_xaoO2-R99zayA');
	});

	it('digests files larger than its read buffer, and empty ones, as sha256 of their bytes', () => {
		// 600,001 bytes: more than two of the 256 KB reads, and a last one that does not fill the buffer.
		const text = Array.from({ length: 600_001 }, (_, index) => String.fromCharCode(97 + ((index * 7) % 26))).join('');
		const expected = (bytes: string) => createHash('sha256').update(bytes).digest('base64url');
		expect(fileDigest(write('large.html', text))).toBe(expected(text));
		expect(fileDigest(write('small-after-large.html', 'abc'))).toBe(expected('abc'));
		expect(fileDigest(write('empty.html', ''))).toBe('47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU');
	});

	it('keeps the known digest of a file of the same size and time, without reading it', () => {
		const path = write('kept.html', '<p>Rocket engineer</p>');
		const known: [number, number, string] = [22, BUILT.getTime(), 'digest-from-the-last-build'];
		expect(recordOf(path, known)).toBe(known);
		// A different time: read again.
		utimesSync(path, RESTORED, RESTORED);
		expect(recordOf(path, known)).toEqual([22, RESTORED.getTime(), fileDigest(path)]);
	});

	it('judges a file whose time changed by its bytes, and one whose size changed as changed', () => {
		const path = write('restored.html', '<p>Rocket engineer</p>');
		const known = recordOf(path);
		expect(unchangedSince(path, known)).toBe(known);
		// Restored from an archive that keeps whole seconds: the same bytes.
		utimesSync(path, RESTORED, RESTORED);
		expect(unchangedSince(path, known)).toEqual([22, RESTORED.getTime(), known[2]]);
		// Edited in place, same size, another time: changed.
		write('restored.html', '<p>Rocket engineeR</p>', RESTORED);
		expect(statSync(path).size).toBe(22);
		expect(unchangedSince(path, known)).toBeUndefined();
		// Another size: changed, whatever the time.
		write('restored.html', '<p>Rocket engineer!</p>');
		expect(unchangedSince(path, known)).toBeUndefined();
	});

	it('reads records kept as JSON by path, and none from a missing or broken file', () => {
		writeFileSync(join(dir, 'records.json'), JSON.stringify({ 'jobs/a/index.html': [22, 1, 'x'] }));
		expect(readRecords(join(dir, 'records.json'))).toEqual(new Map([['jobs/a/index.html', [22, 1, 'x']]]));
		writeFileSync(join(dir, 'broken.json'), '{');
		expect(readRecords(join(dir, 'broken.json'))).toBeUndefined();
		expect(readRecords(join(dir, 'missing.json'))).toBeUndefined();
	});
});
