// Where the widget points people for a fix: the project's documentation. A build can name
// its home (GAPSCORE_DOCS_URL when bundling, wasm/widget/build.mjs); otherwise the docs are
// looked for next to the script, as in the repository and its releases (dist/ beside docs/).

declare const __GAPSCORE_DOCS__: string | undefined;
/** Where docs/ is from the script's folder: '../docs/' (dist/), '../../docs/' (dist/split/). */
declare const __GAPSCORE_DOCS_FROM_SCRIPT__: string | undefined;

/** The widget script's own address, read while the script runs (later, currentScript is gone). */
const scriptUrl = typeof document !== 'undefined' && document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : '';

/** The address of a page of the documentation ("embedding.md#content-security-policy"). */
export function docsLink(page: string): string {
  const configured = typeof __GAPSCORE_DOCS__ === 'string' ? __GAPSCORE_DOCS__ : '';
  try {
    const fromScript = typeof __GAPSCORE_DOCS_FROM_SCRIPT__ === 'string' ? __GAPSCORE_DOCS_FROM_SCRIPT__ : '../docs/';
    return new URL(page, configured || new URL(fromScript, scriptUrl || document.baseURI)).href;
  } catch {
    return `docs/${page}`;
  }
}
