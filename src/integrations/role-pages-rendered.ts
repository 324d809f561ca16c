import { defineMiddleware } from 'astro:middleware';
import { getRouting } from '../routing/index.ts';
import { rolePath } from '../publish/urls.ts';
import type { RolePagesRendered } from './after-build.ts';

/**
 * Build-time middleware that tells `npm run build` when the last role page
 * has rendered (EARLY_INDEX_ENV in ./after-build.ts): the build script can
 * then index the role pages while Astro renders the rest. Astro renders a few pages at a
 * time and has no hook per page, so the set of role pages comes from the
 * routing, as the role route's `getStaticPaths` has it, and each rendered
 * page is crossed off. A page Astro copies from its cache instead of
 * rendering is never crossed off: a build that renders only some role pages
 * (after a change) sends nothing, and builds its index after Astro as before.
 * Only added for such a build (`pagefind()` in ./pagefind.ts); it changes no
 * response.
 */
let waiting: Promise<{ left: Set<string>; slugs: string[] }> | undefined;

export const onRequest = defineMiddleware(async (context, next) => {
	const response = await next();
	waiting ??= getRouting().then(({ roles }) => {
		const slugs = roles.map((route) => route.params.slug);
		return { left: new Set(slugs.map(rolePath)), slugs };
	});
	const { left, slugs } = await waiting;
	if (left.delete(context.url.pathname) && left.size === 0) process.send?.({ type: 'careers:role-pages-rendered', slugs } satisfies RolePagesRendered);
	return response;
});
