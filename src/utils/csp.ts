import { createHash } from 'node:crypto';

/**
 * The CSP source expression (`sha256-…`) that allows one inline `<script>` or
 * `<style>` with exactly this text. Astro hashes the scripts and styles it
 * bundles itself; text we inline by hand (`is:inline`) needs this.
 */
export function cspHash(text: string): `sha256-${string}` {
	return `sha256-${createHash('sha256').update(text).digest('base64')}`;
}
