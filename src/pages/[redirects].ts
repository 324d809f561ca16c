import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalogue } from '../routing/catalogue.ts';
import { redirectsFile } from '../publish/redirects.ts';
import { rolePath } from '../publish/urls.ts';

// Astro skips page files whose names start with "_", so `_redirects` comes from a route parameter.
export const getStaticPaths = (() => [{ params: { redirects: '_redirects' } }]) satisfies GetStaticPaths;

/** `/_redirects`: old role URLs answer with a 301 on hosts that read this file. */
export const GET: APIRoute = async () => {
	const { moves } = await getCatalogue();
	const body = redirectsFile(moves.map((move) => ({ from: rolePath(move.from), to: rolePath(move.to.slug) })));
	return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
