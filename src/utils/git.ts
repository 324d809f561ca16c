import { execFileSync } from 'node:child_process';

/** What one git command gave. */
export interface GitResult {
	/** Whether git exited with status 0. */
	ok: boolean;
	stdout: Buffer;
	/** git's complaint when it failed, trimmed. */
	stderr: string;
	/** True when git itself could not be started (not installed, not on PATH). */
	missing: boolean;
}

/**
 * Runs one git command and never throws: every caller (build dates, the
 * preview's baseline, the banner's branch) has a fallback when there is no
 * repository or no git, and decides itself what that means.
 */
export function runGit(cwd: string, args: readonly string[], input?: string): GitResult {
	try {
		const stdout = execFileSync('git', args, {
			cwd,
			...(input === undefined ? {} : { input }),
			stdio: ['pipe', 'pipe', 'pipe'],
			// Whole-history logs and batched blobs of thousands of postings are large.
			maxBuffer: 512 * 1024 * 1024,
		});
		return { ok: true, stdout, stderr: '', missing: false };
	} catch (error) {
		const failure = error as NodeJS.ErrnoException & { stderr?: Buffer; stdout?: Buffer };
		return {
			ok: false,
			stdout: failure.stdout ?? Buffer.alloc(0),
			stderr: failure.stderr?.toString('utf8').trim() ?? '',
			missing: failure.code === 'ENOENT',
		};
	}
}

/** A git command's output as text, or `undefined` when it failed or printed nothing. */
export function gitText(cwd: string, args: readonly string[]): string | undefined {
	const result = runGit(cwd, args);
	return result.ok ? result.stdout.toString('utf8').trim() || undefined : undefined;
}
