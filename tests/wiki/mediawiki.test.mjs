// The widget in a real wiki (issue 24): Debian's MediaWiki 1.39 with SQLite, installed with
// maintenance/install.php into build/wiki/ and served by PHP's built-in server. Through the
// action API an administrator installs the gadget (wasm/mediawiki/gapscore-gadget.js)
// and an editor without rights uploads a backlog, writes Template:GapScore and the pages; then
// Chromium opens them. docs/embedding.md, section MediaWiki, is the recipe this follows.
//
// Skipped, with the reason, where MediaWiki is not installed (scripts/install-deps.sh installs it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch, widget, titles, shot, until, engineTitles, root } from '../browser/harness.mjs';
import { missing, startWiki, WikiApi, ADMIN, EDITOR } from './mediawiki.mjs';

const why = missing();
const maybe = why ? { skip: why } : {};

const GADGET = readFileSync(resolve(root, 'wasm/mediawiki/gapscore-gadget.js'), 'utf8');
const TEMPLATE = readFileSync(resolve(root, 'wasm/mediawiki/Template-GapScore.wikitext'), 'utf8');
const GADGETS_DEFINITION = '== gapscore ==\n* gapscore[ResourceLoader|default|hidden]|gapscore.js\n';
const HEALTH = readFileSync(resolve(root, 'demo/health-app.json'), 'utf8');
const SAMPLE = readFileSync(resolve(root, 'demo/widget-sample.json'), 'utf8');

// What docs/embedding.md asks the administrator to add to LocalSettings.php, then the test
// wiki's own lines (a logo and icon that exist, and MediaWiki's CSP on ?csp=1 for one test).
const SETTINGS = `
# docs/embedding.md, MediaWiki, step 2: the bundled Gadgets extension and .json uploads.
wfLoadExtension( 'Gadgets' );
$wgEnableUploads = true;
$wgFileExtensions[] = 'json';

# The test wiki's own settings (Debian's wiki.png is the 'change your logo' picture).
$wgLogos = [ '1x' => "$wgResourceBasePath/resources/assets/mediawiki.png", 'icon' => "$wgResourceBasePath/resources/assets/mediawiki.png" ];
$wgFavicon = "$wgResourceBasePath/resources/assets/mediawiki.png";
if ( ( $_GET['csp'] ?? '' ) === '1' ) {
	$wgCSPHeader = [ 'default-src' => true ];
}
`;

const PAGES = {
  'Q3 priorities': `The health app's backlog for the quarter, from [[:File:Health-app.json]]. Change an estimate to see what moves; your changes stay in your browser.

{{GapScore|file=Health-app.json|top=5}}

== By criteria ==
The same file by its address, weighted, read-only:

{{GapScore|src={{filepath:Health-app.json}}|model=weighted|readonly=yes}}
`,
  'Team B backlog': `Team B keeps its backlog in the page itself:

<div class="gapscore-embed">
<pre>
${SAMPLE.trim()}
</pre>
</div>
`,
  'Placeholder attacks': `What an editor without admin rights might try.

<div class="gapscore-embed" id="js" data-src="javascript:window.__pwned=1//.json"></div>
<div class="gapscore-embed" id="offsite" data-src="http://evil.example/w/images/backlog.json"></div>
<div class="gapscore-embed" id="protocol-relative" data-src="//evil.example/w/images/backlog.json"></div>
<div class="gapscore-embed" id="api" data-src="/w/api.php?action=query&meta=tokens&format=json"></div>
<div class="gapscore-embed" id="encoded-dots" data-src="/w/images/%2e%2e/api.php"></div>
<div class="gapscore-embed" id="data-url" data-src="data:application/json,%7B%7D"></div>
<div class="gapscore-embed" id="file-path" data-file="../api.php"></div>
<div class="gapscore-embed" id="attributes" data-file="Health-app.json" data-model="rice&quot; onload=&quot;window.__pwned=2" data-view="&lt;img src=x onerror=window.__pwned=3&gt;" data-top="5 onmouseover=window.__pwned=4" data-storage-key="&lt;b&gt;x"></div>
<div class="gapscore-embed" id="extra" data-file="Health-app.json" onload="window.__pwned=5" onmouseover="window.__pwned=6" data-onload="window.__pwned=7" data-innerhtml="&lt;img src=x onerror=window.__pwned=8&gt;" style="border: 1px solid" title="hover me">hover me</div>
<div class="gapscore-embed" id="allowed" data-file="Health-app.json" data-model="weighted rice" data-view="matrix ranking" data-top="7" data-readonly="yes" data-storage-key="team b/q3"></div>
<gap-score src="javascript:window.__pwned=9"></gap-score>
<script>window.__pwned=10</script>
<div class="gapscore-embed" id="markup">
<pre>{"format": "gapscore/1", "model": "rice", "title": "<b>bold</b> title", "items": [
{"id": "a", "title": "<img src=x onerror=window.__pwned=11>", "description": "<script>window.__pwned=12</script>", "reach": 10, "impact": 1, "confidence": 1, "effort": 1},
{"id": "b", "title": "<svg onload=window.__pwned=13>", "reach": 5, "impact": 1, "confidence": 1, "effort": 1}]}</pre>
</div>
`,
};

let wiki = null;
let browser = null;
let admin = null;
let editor = null;

before(async () => {
  if (why) return;
  wiki = await startWiki(resolve(root, 'build/wiki'), {
    extraSettings: SETTINGS,
    // Step 1 of the recipe: the widget on the wiki's own server, next to its PHP files.
    before: ({ w }) => {
      mkdirSync(join(w, 'gapscore'));
      copyFileSync(resolve(root, 'dist/gapscore-widget.js'), join(w, 'gapscore/gapscore-widget.js'));
    },
  });
  admin = await new WikiApi(wiki.server).login(ADMIN);
  editor = await new WikiApi(wiki.server).login(EDITOR);
  // Steps 3 and 4: the administrator installs the gadget.
  await admin.edit('MediaWiki:Gadgets-definition', GADGETS_DEFINITION);
  await admin.edit('MediaWiki:Gadget-gapscore.js', GADGET);
  // Steps 5 and 6: everything else is an ordinary editor's work.
  await editor.edit('Template:GapScore', TEMPLATE);
  await editor.upload('Health-app.json', HEALTH);
  for (const [title, text] of Object.entries(PAGES)) await editor.edit(title, text);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await wiki?.stop();
});

const pageUrl = (title, query = '') => `${wiki.server}/w/index.php/${encodeURIComponent(title.replace(/ /g, '_'))}${query}`;

/** A page that also records the order each widget last reported (gapscore-change). */
async function openWiki(context, title, query) {
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') page.problems.push(`console: ${m.text()}`);
  });
  await page.addInitScript(() =>
    document.addEventListener('gapscore-change', (e) => {
      e.target.gsOrder = e.detail.order;
    }),
  );
  await page.goto(pageUrl(title, query));
  return page;
}

function order(page, selector) {
  return page.evaluate((sel) => document.querySelector(sel)?.gsOrder ?? null, selector);
}

/**
 * The ranking the command line gives for `doc` (an object), as item titles best first:
 * build/native/cli/gapscore (or $GAPSCORE_CLI) when it is there, else dist/gapscore.mjs.
 */
const cli = process.env.GAPSCORE_CLI || resolve(root, 'build/native/cli/gapscore');
async function expected(doc, model) {
  if (!existsSync(cli)) return engineTitles(JSON.stringify(doc), { model });
  const dir = mkdtempSync(join(tmpdir(), 'gapscore-wiki-'));
  try {
    const file = join(dir, 'doc.json');
    writeFileSync(file, JSON.stringify(doc));
    const r = spawnSync(cli, ['rank', file, '--format', 'json', '--top', String(doc.items.length), ...(model ? ['--model', model] : [])], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout).ranking.map((x) => x.title); // every item, not the document's top N
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Waits until the widget's reported order, as titles, is `want`. */
async function ranksAs(page, selector, doc, want, what) {
  const byId = new Map(doc.items.map((i) => [i.id, i.title]));
  let got = null;
  try {
    await until(async () => {
      got = (await order(page, selector))?.map((id) => byId.get(id)) ?? null;
      return JSON.stringify(got) === JSON.stringify(want);
    }, 8000, what);
  } catch (e) {
    assert.deepEqual(got, want, `${what}: ${e.message}`);
  }
}

test('the gadget turns {{GapScore|file=…}} into a widget that ranks the uploaded backlog as the CLI does', maybe, async (t) => {
  if (!existsSync(cli)) t.diagnostic(`no native CLI at ${cli}: compared with dist/gapscore.mjs instead`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await openWiki(context, 'Q3 priorities');
  const first = '.gapscore-embed gap-score';
  await widget(page, first);
  const doc = JSON.parse(HEALTH);
  const want = await expected(doc);
  await ranksAs(page, first, doc, want, 'the RICE ranking of the uploaded file');
  // The table shows the first 15 rows (top 5 + 10) of the same order.
  assert.deepEqual(await titles(page, first), want.slice(0, 15));
  assert.equal(await page.evaluate(() => mw.loader.getState('ext.gadget.gapscore')), 'ready', 'loaded as a ResourceLoader gadget');
  // The element the gadget made: the file through Special:Redirect, the top N, nothing else.
  assert.deepEqual(await page.evaluate((sel) => document.querySelector(sel).getAttributeNames().sort(), first), ['src', 'top']);
  assert.equal(await page.locator(first).first().getAttribute('src'), `${wiki.server}/w/index.php?title=Special:Redirect/file/Health-app.json`);

  // The second widget: the same file by its address ({{filepath:}}), weighted and read-only.
  const second = await page.waitForFunction(() => {
    const el = document.querySelectorAll('.gapscore-embed gap-score')[1];
    return el?.shadowRoot?.querySelector('tbody tr') ? el : null;
  });
  assert.deepEqual(await second.evaluate((e) => [e.getAttribute('src'), e.getAttribute('model'), e.hasAttribute('readonly')]), [
    `${wiki.server}/w/images/0/02/Health-app.json`,
    'weighted',
    true,
  ]);
  const weighted = await expected(doc, 'weighted');
  const byId = new Map(doc.items.map((i) => [i.id, i.title]));
  await until(async () => JSON.stringify((await second.evaluate((e) => e.gsOrder))?.map((id) => byId.get(id))) === JSON.stringify(weighted), 8000, 'the weighted ranking');
  assert.equal(await second.evaluate((e) => e.shadowRoot.querySelectorAll('tbody input').length), 0, 'read-only: no estimate inputs');

  await page.screenshot({ path: shot('mediawiki.png') });
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('data written in the page (a <pre> in the placeholder) ranks as the CLI does', maybe, async () => {
  const context = await browser.newContext();
  const page = await openWiki(context, 'Team B backlog');
  await widget(page, '.gapscore-embed gap-score');
  const doc = JSON.parse(SAMPLE);
  await ranksAs(page, '.gapscore-embed gap-score', doc, await expected(doc), 'the inline backlog ranked');
  assert.equal(await page.locator('.gapscore-embed pre').isVisible(), false, 'the JSON itself is hidden once the widget runs');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('two pages with two backlogs keep their saved edits apart', maybe, async () => {
  const context = await browser.newContext();
  const health = JSON.parse(HEALTH);
  const sample = JSON.parse(SAMPLE);
  const A = '.gapscore-embed gap-score'; // the first on each page

  // Page A: the lowest of the 15 rows shown whose reach is one number (a number typed over a
  // range is its likely value, kept within the range) gets a reach that puts it on top; the
  // edit is saved.
  const a = await openWiki(context, 'Q3 priorities');
  await widget(a, A);
  const aItem = (await expected(health))
    .slice(0, 15)
    .reverse()
    .map((title) => health.items.find((i) => i.title === title))
    .find((i) => typeof i.reach === 'number');
  await a.getByRole('textbox', { name: `Reach of ${aItem.title}` }).first().fill('5000000');
  await a.getByRole('textbox', { name: `Reach of ${aItem.title}` }).first().press('Enter');
  const healthEdited = structuredClone(health);
  healthEdited.items.find((i) => i.id === aItem.id).reach = 5000000;
  await ranksAs(a, A, health, await expected(healthEdited), 'page A re-ranked by its edit');

  // Page B, same browser: its own data, untouched by A's edit; then an edit of its own.
  const b = await openWiki(context, 'Team B backlog');
  await widget(b, A);
  await ranksAs(b, A, sample, await expected(sample), 'page B as the CLI ranks it');
  const bWant = await expected(sample);
  const bItem = sample.items.find((i) => i.title === bWant[bWant.length - 1]);
  await b.getByRole('textbox', { name: `Effort of ${bItem.title}` }).fill('0.01');
  await b.getByRole('textbox', { name: `Effort of ${bItem.title}` }).press('Enter');
  const sampleEdited = structuredClone(sample);
  sampleEdited.items.find((i) => i.id === bItem.id).effort = 0.01;
  await ranksAs(b, A, sample, await expected(sampleEdited), 'page B re-ranked by its edit');

  // Both reloaded: each shows its own edit, and only its own.
  await a.reload();
  await widget(a, A);
  await ranksAs(a, A, health, await expected(healthEdited), 'page A keeps its edit after a reload');
  await b.reload();
  await widget(b, A);
  await ranksAs(b, A, sample, await expected(sampleEdited), 'page B keeps its edit after a reload');
  const keys = await b.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('gapscore:')).sort());
  assert.equal(keys.length, 2, `two stored entries: ${keys}`);
  assert.ok(keys.includes('gapscore:src:/w/index.php?title=Special:Redirect/file/Health-app.json'), keys.join(', '));
  assert.ok(keys.some((k) => k.startsWith('gapscore:inline:')), keys.join(', '));
  assert.deepEqual([...a.problems, ...b.problems], []);
  await context.close();
});

test('an editor without admin rights cannot run script or point the data elsewhere', maybe, async () => {
  const context = await browser.newContext();
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await openWiki(context, 'Placeholder attacks');
  await widget(page, '#extra gap-score');
  await widget(page, '#markup gap-score');

  // Refused placeholders: no widget, a message naming the attribute, no request.
  const refused = {
    js: /data-src "javascript:/,
    offsite: /data-src "http:\/\/evil\.example/,
    'protocol-relative': /data-src "\/\/evil\.example/,
    api: /data-src "\/w\/api\.php/,
    'encoded-dots': /data-src "\/w\/images\/%2e%2e/,
    'data-url': /data-src "data:/,
    'file-path': /data-file "\.\.\/api\.php"/,
    attributes: /data-model "rice\\?" onload=.*data-view "<img.*data-top "5 onmouseover.*data-storage-key "<b>x"/,
  };
  for (const [id, message] of Object.entries(refused)) {
    const box = page.locator(`#${id}`);
    assert.equal(await box.locator('gap-score').count(), 0, `#${id} made no widget`);
    assert.match(await box.locator('.gapscore-error').textContent(), message, `#${id} says why`);
  }

  // Attributes the gadget does not know never reach the element; MediaWiki's sanitizer had
  // already dropped the event handlers.
  const extra = page.locator('#extra gap-score');
  assert.deepEqual(await extra.evaluate((e) => e.getAttributeNames()), ['src']);
  assert.deepEqual(await page.locator('#extra').evaluate((e) => e.getAttributeNames().filter((n) => n.startsWith('on'))), []);
  await page.hover('#extra');
  // Every attribute the gadget knows, each valid: all reach the element, the key with its prefix.
  await widget(page, '#allowed gap-score');
  assert.deepEqual(await page.locator('#allowed gap-score').evaluate((e) => Object.fromEntries(e.getAttributeNames().map((n) => [n, e.getAttribute(n)]))), {
    src: `${wiki.server}/w/index.php?title=Special:Redirect/file/Health-app.json`,
    model: 'weighted rice',
    view: 'matrix ranking',
    top: '7',
    readonly: '',
    'storage-key': 'wiki:team b/q3',
  });

  // Markup in the inline JSON is shown as text.
  assert.deepEqual(await titles(page, '#markup gap-score'), ['<img src=x onerror=window.__pwned=11>', '<svg onload=window.__pwned=13>']);
  assert.equal(
    await page.locator('#markup gap-score').evaluate((e) => e.shadowRoot.querySelectorAll('img, script, iframe, svg[onload], b').length),
    0,
    'no element from the data exists in the shadow DOM',
  );
  await page.locator('#markup gap-score').getByRole('button', { name: '<img src=x onerror=window.__pwned=11>', exact: true }).click();
  const dialog = page.locator('#markup gap-score').getByRole('dialog');
  await until(() => dialog.isVisible(), 3000, 'the item dialog');
  assert.match(await dialog.textContent(), /<script>window.__pwned=12<\/script>/);
  await page.keyboard.press('Escape');

  // The wikitext <gap-score> and <script> are text on the page, not elements.
  assert.equal(await page.locator('gap-score').count(), 3, 'only the gadget made widgets');
  assert.match(await page.locator('#mw-content-text').textContent(), /<gap-score src="javascript:window.__pwned=9"><\/gap-score>/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no payload ran');
  const host = new URL(wiki.server).host;
  assert.deepEqual(requests.filter((u) => new URL(u).host !== host), [], 'every request went to the wiki');

  // Nor can the editor change the gadget or the site scripts.
  for (const title of ['MediaWiki:Gadget-gapscore.js', 'MediaWiki:Gadgets-definition', 'MediaWiki:Common.js']) {
    const r = await editor.tryEdit(title, 'window.__pwned = 14;');
    assert.ok(r.error, `${title}: ${JSON.stringify(r)}`);
  }
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("under MediaWiki's own Content-Security-Policy ($wgCSPHeader) without a violation", maybe, async () => {
  const context = await browser.newContext();
  const violations = [];
  await context.exposeFunction('__cspViolation', (v) => violations.push(v));
  await context.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => window.__cspViolation(`${e.violatedDirective} ${e.blockedURI}`)));
  const page = await context.newPage();
  const response = await page.goto(pageUrl('Q3 priorities', '?csp=1'));
  const csp = (await response.allHeaders())['content-security-policy'];
  assert.match(csp ?? '', /script-src 'unsafe-eval' blob: 'self' 'nonce-/, `the header MediaWiki sent: ${csp}`);
  assert.match(csp, /default-src 'self' data: blob:/);
  await widget(page, '.gapscore-embed gap-score');
  const doc = JSON.parse(HEALTH);
  assert.deepEqual(await titles(page, '.gapscore-embed gap-score'), (await expected(doc)).slice(0, 15));
  assert.deepEqual(violations, []);
  await context.close();
});

test('MediaWiki:Common.js instead of the gadget: the same file, and once only when both are there', maybe, async () => {
  await admin.edit('MediaWiki:Common.js', GADGET);
  let context = await browser.newContext();
  let page = await openWiki(context, 'Team B backlog');
  await widget(page, '.gapscore-embed gap-score');
  assert.equal(await page.locator('gap-score').count(), 1, 'one widget with the gadget and Common.js both installed');
  assert.deepEqual(page.problems, []);
  await context.close();

  await admin.edit('MediaWiki:Gadgets-definition', '');
  context = await browser.newContext();
  page = await openWiki(context, 'Team B backlog');
  await widget(page, '.gapscore-embed gap-score');
  assert.equal(await page.evaluate(() => mw.loader.getState('ext.gadget.gapscore')), null, 'no gadget any more');
  const doc = JSON.parse(SAMPLE);
  await ranksAs(page, '.gapscore-embed gap-score', doc, await expected(doc), 'ranked through Common.js');
  assert.deepEqual(page.problems, []);
  await context.close();
});
