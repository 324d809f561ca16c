// Serving a build for the benches: `astro preview` on 127.0.0.1 at a free port.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A free TCP port on 127.0.0.1, chosen by the system at run time. */
export function freePort() {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolvePort(port));
		});
	});
}

/** Stops a child started in its own process group, with whatever it started. */
export function stopChild(child, signal) {
	try {
		if (process.platform !== 'win32') process.kill(-child.pid, signal);
		else child.kill(signal);
	} catch {
		// Already gone.
	}
}

/**
 * Serves `outDir` with `astro preview`; resolves once `/` answers, with its
 * URL, the child (so a bench can kill it on Ctrl-C) and a stop function.
 * @throws {Error} with the tail of its log when it exits or never answers
 */
export async function startPreview({ root, nodeBin, astroBin, outDir, env = {}, timeoutMs = 60_000 }) {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const child = spawn(nodeBin, [astroBin, 'preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port), '--outDir', outDir], {
		cwd: root,
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: process.platform !== 'win32',
	});
	let log = '';
	const keep = (chunk) => {
		log = (log + chunk.toString()).slice(-16_384);
	};
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	let exited = false;
	child.on('close', () => {
		exited = true;
	});
	const stop = () => {
		if (!exited) stopChild(child, 'SIGTERM');
	};
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline && !exited) {
		try {
			if ((await fetch(`${url}/`)).ok) return { url, child, stop };
		} catch {
			// Not listening yet.
		}
		await new Promise((wait) => setTimeout(wait, 250));
	}
	stop();
	throw new Error(`astro preview did not answer on ${url}${exited ? ' (it exited)' : ''}: ${log.trim().split('\n').slice(-5).join(' / ')}`);
}
