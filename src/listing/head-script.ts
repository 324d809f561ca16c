/**
 * The listing's only inline script, run in `<head>` before anything paints:
 * it marks the page `js` (so controls that need the filter script show from
 * the first frame, instead of appearing and pushing the list down) and
 * `data-filtered` when the URL asks for a filter (global.css then holds the
 * unfiltered rows back and keeps the list's space until the filter script
 * draws the matching ones). Without it the page moved when the script applied
 * the URL (a CLS of 0.157 on `/?location=remote`). Its CSP hash is added by
 * the page (src/pages/index.astro): keep it a constant.
 */
export const LISTING_HEAD_SCRIPT =
	"(function(){var d=document.documentElement,p=new URLSearchParams(location.search);d.classList.add('js');" +
	"if(['location','team','q'].some(function(k){return p.getAll(k).some(function(v){return v.trim()})}))d.setAttribute('data-filtered','')})()";
