// Unit tests, under node, of loading (wasm/widget/page-loader.ts): which view opens when the
// page's data, the saved edits and a share link meet, what is reported when one of them
// cannot be used, and that a newer load wins. The browser edges (fetch, localStorage, the
// address) and the session are fakes; the edit controller is the real one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { widgetModules } from './harness.mjs';

const u = await widgetModules(
  `export { PageLoader, documentText } from './page-loader.ts'; export { EditController } from './edit-controller.ts';
   export { emptyState, sanitizeState } from './state.ts'; export { Replica } from './replica.ts';`,
);

const state = (o) => u.sanitizeState(o);
const json = (o) => JSON.stringify(o);
/** The fake session's documents: item ids, and the models the data has inputs for. */
const PAGE = '{"items":["a","b"],"models":["rice","wsjf"]}';

/** Opens documents as the real Session does from the loader's view: all or nothing. */
class FakeSession {
  loaded = false;
  state = u.emptyState();
  pageDocument = '';
  preferredModel = null;
  size = 0;
  document = {};
  disposed = false;
  /** Fails when the text is not JSON or the state's model is not one the data has. */
  open(pageText, next) {
    let doc;
    try {
      doc = JSON.parse(next.document ?? pageText);
    } catch {
      return { ok: false, errors: [{ path: '', message: 'not JSON' }] };
    }
    if (next.model !== null && !doc.models.includes(next.model)) return { ok: false, errors: [{ path: '/model', message: `no inputs for ${next.model}` }] };
    // An estimate of an item the data lacks is left out, with the engine's reason.
    const kept = u.sanitizeState(JSON.parse(JSON.stringify(next)));
    const droppedEdits = [];
    for (const [item, row] of Object.entries(kept.fields)) {
      if (doc.items.includes(item)) continue;
      for (const [field, value] of Object.entries(row)) droppedEdits.push({ path: ['fields', item, field], value, problem: { path: 'item', code: 'unknown_reference', message: `no item with id "${item}"` } });
      delete kept.fields[item];
    }
    Object.assign(this, { loaded: true, pageDocument: pageText, state: droppedEdits.length ? kept : next, size: doc.items.length, document: doc });
    return { ok: true, dropped: droppedEdits.length, droppedEdits };
  }
  apply(change, side, next) {
    if (change.kind === 'state') return this.open(this.pageDocument, next);
    this.state = next;
    return { ok: true, dropped: 0 };
  }
  /** The page's criteria as the engine read them (the fake's data has none). */
  criteria() {
    return [];
  }
  dispose() {
    this.disposed = true;
  }
}

function setup({ saved: plain = null, savedPage = null, storedProblem, readOnly = false, src = 'backlog.json' } = {}) {
  const log = { failed: [], said: [], problems: [], saved: [], opened: 0, views: [], setAside: [], claimed: 0, released: [], storageReads: 0, fetches: 0, sessions: [], unapplied: [] };
  // What storage holds: a format 1 entry's state and scenarios, read as the widget reads them.
  const saved = plain && u.Replica.fromState(plain.state, plain.scenarios);
  if (saved) saved.page = savedPage;
  let modules = 0;
  const pages = { 'backlog.json': PAGE };
  /** What the address holds for the widget: a link (taken once), or text that is no link. */
  const address = { link: null, unreadable: null };
  const edges = {
    untilParsed: () => null,
    claimKey: (s) => (log.claimed++, `src:${s}`),
    releaseKey: (key) => log.released.push(key),
    readPage: async (s) => {
      log.fetches++;
      if (!(s in pages)) throw [{ path: 'src', message: `could not load ${s}: 404 Not Found` }];
      return pages[s];
    },
    module: async () => ({ instance: ++modules, commands: () => '[{"name":"rank"},{"name":"ahp"}]' }),
    newSession: () => {
      const s = new FakeSession();
      log.sessions.push(s);
      return s;
    },
    loadSaved: () => (log.storageReads++, { saved, problem: storedProblem }),
    setAside: (key) => (log.setAside.push(key), `The saved entry is kept as “gapscore:${key}:set-aside”.`),
    takeLink: async () => {
      const { link, unreadable } = address;
      address.link = address.unreadable = null;
      if (unreadable) throw new Error(unreadable);
      return link;
    },
    hasLink: () => !!(address.link || address.unreadable),
  };
  const attrs = { src, readOnly, model: '' };
  const feedback = {
    say: (text) => log.said.push(text),
    clearErrors: () => {},
    fail: (during, heading, problems, keep) => log.failed.push({ during, heading, message: problems[0]?.message, keep }),
    problems: (during, heading, problems) => log.problems.push({ during, heading, code: problems[0]?.code, message: problems[0]?.message }),
  };
  let t = 0;
  const edits = new u.EditController(
    {
      session: () => loader.session,
      readOnly: () => attrs.readOnly,
      gs: () => null,
      feedback,
      store: {
        read: () => null,
        write: (text) => {
          const r = JSON.parse(text);
          const replica = u.Replica.fromStored(r);
          log.saved.push(JSON.parse(JSON.stringify({ state: replica.state(), scenarios: replica.scenarioStates() })));
        },
        setAside: () => '',
      },
      storage: () => {},
      otherTab: () => {},
      dropLink: () => {},
      changed: () => {},
      refused: () => {},
      scenariosChanged: () => {},
    },
    () => (t += 5000),
  );
  const loader = new u.PageLoader(edges, {
    src: () => attrs.src,
    model: () => attrs.model,
    readOnly: () => attrs.readOnly,
    feedback,
    edits,
    opened: () => log.opened++,
    refreshAll: () => {},
    showView: (id) => log.views.push(id),
    unapplied: (edits, pageChanged) => log.unapplied.push({ edits, pageChanged }),
  });
  return { loader, edits, log, attrs, pages, address };
}

test('the page’s data opens with the saved edits and scenarios, and nothing to undo', async () => {
  const { loader, edits, log } = setup({ saved: { state: state({ model: 'wsjf' }), scenarios: { Lean: state({}) } } });
  await loader.start();
  assert.equal(loader.session.state.model, 'wsjf');
  assert.deepEqual(Object.keys(edits.scenarios), ['Lean']);
  assert.equal(loader.key, 'src:backlog.json');
  assert.ok(loader.commands.has('ahp'));
  assert.equal(log.opened, 1);
  assert.deepEqual(log.failed, []);
  assert.ok(!edits.canUndo);
});

test('a link’s view opens over the saved edits: its tab, one Undo step back to them, and storage keeps them', async () => {
  const own = state({ model: 'wsjf' });
  const { loader, edits, log, address } = setup({ saved: { state: own, scenarios: {} } });
  address.link = { state: state({ weights: { cost: 3 } }), view: 'matrix' };
  await loader.start();
  assert.equal(loader.session.state.weights.cost, 3);
  assert.deepEqual(log.views, ['matrix']);
  assert.deepEqual(log.said, ['Opened a shared view. Undo returns to your own; your saved edits stay until you change this view.']);
  assert.equal(json(edits.ownState()), json(own));
  edits.saveScenario('x');
  assert.equal(log.saved.at(-1).state.model, 'wsjf', 'storage keeps the reader’s own edits');
  edits.undo();
  assert.equal(loader.session.state.model, 'wsjf');
  assert.equal(loader.session.state.weights.cost, undefined);
});

test('a link that shows the reader’s own view (the sender reloading) adds no step and says nothing', async () => {
  const { loader, edits, log, address } = setup({ saved: { state: state({ model: 'wsjf' }), scenarios: {} } });
  address.link = { state: state({ model: 'wsjf' }), view: null };
  await loader.start();
  assert.ok(!edits.canUndo);
  assert.deepEqual(log.said, []);
});

test('a link whose view does not fit this data: the reader’s own view opens, and the link is blamed', async () => {
  const { loader, edits, log, address } = setup({ saved: { state: state({ model: 'wsjf' }), scenarios: {} } });
  address.link = { state: state({ model: 'topsis' }), view: null };
  await loader.start();
  assert.equal(loader.session.state.model, 'wsjf');
  assert.ok(!edits.canUndo);
  assert.deepEqual(log.failed.at(-1), { during: 'link', heading: 'The shared link could not be read.', message: 'its view does not fit this data', keep: 'Showing your own view instead.' });
  assert.deepEqual(log.setAside, [], 'the saved edits are left alone');
});

test('a link that cannot be read is named, and the reader’s own view opens', async () => {
  const { loader, log, address } = setup({ saved: { state: state({ model: 'wsjf' }), scenarios: {} } });
  address.unreadable = 'unknown link format';
  await loader.start();
  assert.equal(loader.session.state.model, 'wsjf');
  assert.deepEqual(log.failed, [{ during: 'link', heading: 'The shared link could not be read.', message: 'unknown link format', keep: 'Showing your own view instead.' }]);
});

test('saved edits that no longer fit are set aside, and the page’s data is shown with the reason', async () => {
  const { loader, log } = setup({ saved: { state: state({ model: 'topsis', weights: { cost: 1 } }), scenarios: {} } });
  await loader.start();
  assert.equal(json(loader.session.state), json(u.emptyState()));
  assert.deepEqual(log.setAside, ['src:backlog.json']);
  assert.deepEqual(log.problems, [
    {
      during: 'load',
      heading: 'Your saved edits could not be used, so the page’s data is shown.',
      code: 'saved_edits_set_aside',
      message: 'they no longer fit this data. The saved entry is kept as “gapscore:src:backlog.json:set-aside”.',
    },
  ]);
  assert.equal(log.opened, 1);
});

test('an entry storage could not read is reported, and the page’s data shown', async () => {
  const { loader, log } = setup({ storedProblem: 'it is damaged (not JSON). The saved entry is kept aside.' });
  await loader.start();
  assert.equal(log.opened, 1);
  assert.deepEqual(log.problems.map((p) => p.message), ['it is damaged (not JSON). The saved entry is kept aside.']);
});

test('read-only: storage is not read, and a link brings its model and weights, never its data', async () => {
  const { loader, edits, log, address } = setup({ readOnly: true, saved: { state: state({ model: 'wsjf' }), scenarios: {} } });
  address.link = { state: state({ model: 'rice', weights: { cost: 3 }, fields: { a: { reach: 1e9 } } }), view: null };
  await loader.start();
  assert.equal(log.storageReads, 0);
  const s = loader.session.state;
  assert.deepEqual([s.model, s.weights.cost, Object.keys(s.fields).length], ['rice', 3, 0]);
  assert.deepEqual(log.said, ['Opened a shared view: its model and weights only, because this widget is read-only and keeps the page’s data. Undo returns to your own.']);
  assert.ok(edits.canUndo);
});

test('a newer load wins over one still on its way', async () => {
  const { loader, log, attrs, pages } = setup();
  let arrive;
  pages['slow.json'] = new Promise((r) => (arrive = r));
  pages['new.json'] = '{"items":["x","y","z"],"models":["rice"]}';
  attrs.src = 'slow.json';
  const first = loader.start();
  await new Promise((r) => setImmediate(r)); // the first load is now fetching
  attrs.src = 'new.json';
  await loader.start();
  arrive(PAGE);
  await first;
  assert.equal(loader.session.size, 3, 'the newer file is shown');
  assert.equal(log.opened, 1, 'the older one gave way');
  assert.equal(log.claimed, 1, 'one storage key, claimed once');
  assert.equal(log.storageReads, 1, 'the older load read no saved edits');
});

test('a newer load wins also over one that is reading a share link', async () => {
  const { loader, log, attrs, pages, address } = setup();
  let decoded;
  address.link = new Promise((r) => (decoded = r)); // decompressing takes a while
  pages['new.json'] = '{"items":["x","y","z"],"models":["rice","wsjf"]}';
  const first = loader.start();
  await new Promise((r) => setImmediate(r));
  attrs.src = 'new.json';
  await loader.start();
  decoded({ state: state({ model: 'wsjf' }), view: null });
  await first;
  assert.equal(loader.session.size, 3);
  assert.equal(loader.session.state.model, null, 'the older load’s link is not applied over the newer data');
  assert.equal(log.opened, 1);
});

test('loads asked for in one task (the element added, then its src set) fetch once', async () => {
  const { loader, log, attrs } = setup({ src: '' });
  const first = loader.start();
  attrs.src = 'backlog.json';
  await Promise.all([first, loader.start()]);
  assert.equal(log.fetches, 1);
  assert.equal(log.opened, 1);
  assert.equal(loader.key, 'src:backlog.json', 'the key follows the src');
});

test('a file that cannot be read fails the load, naming it; once data is shown it stays', async () => {
  const { loader, log, attrs } = setup({ src: 'missing.json' });
  await loader.start();
  assert.equal(loader.session, null);
  assert.deepEqual(log.failed, [{ during: 'load', heading: 'The backlog could not be loaded.', message: 'could not load missing.json: 404 Not Found', keep: '' }]);
  attrs.src = 'backlog.json';
  await loader.start();
  assert.equal(log.opened, 1);
  attrs.src = 'gone.json';
  await loader.start();
  assert.equal(log.failed.at(-1).keep, 'The data shown before is unchanged.');
  assert.equal(loader.session.pageDocument, PAGE);
});

test('data that cannot be used leaves the data shown before; before any data, its session is freed', async () => {
  const first = setup();
  assert.equal(await first.loader.module().then(() => first.loader.openPage('not json', u.emptyState())), false);
  assert.equal(first.loader.session, null);
  assert.ok(first.log.sessions[0].disposed);
  const { loader, log } = setup({ saved: { state: state({ model: 'wsjf' }), scenarios: {} } });
  await loader.start();
  const shown = loader.session;
  assert.equal(loader.openPage('{"items": [', u.emptyState()), false);
  assert.equal(loader.session, shown);
  assert.equal(shown.state.model, 'wsjf');
  assert.equal(shown.pageDocument, PAGE);
  assert.deepEqual(log.failed.at(-1), { during: 'load', heading: 'This data cannot be used.', message: 'not JSON', keep: 'The data shown before is unchanged.' });
});

test('a link pasted into the address later opens over the reader’s view; Undo returns to it, also after a second link', async () => {
  const { loader, edits, address, log } = setup({ saved: { state: state({ model: 'wsjf' }), scenarios: {} } });
  await loader.start();
  await loader.openLinkInAddress(); // nothing in the address
  assert.ok(!edits.canUndo);
  address.link = { state: state({ weights: { cost: 3 } }), view: 'gaps' };
  await loader.openLinkInAddress();
  assert.equal(loader.session.state.weights.cost, 3);
  assert.deepEqual(log.views, ['gaps']);
  address.link = { state: state({ weights: { cost: 7 } }), view: null };
  await loader.openLinkInAddress();
  assert.equal(loader.session.state.weights.cost, 7);
  assert.equal(edits.ownState().model, 'wsjf', 'still the reader’s own edits underneath');
  edits.undo();
  assert.equal(loader.session.state.model, 'wsjf');
  address.link = { state: state({ model: 'topsis' }), view: null };
  await loader.openLinkInAddress();
  assert.equal(log.failed.at(-1).heading, 'The shared link does not fit this data.');
  assert.equal(loader.session.state.model, 'wsjf', 'the view stays');
});

test('a link still being read when the widget leaves the page is not applied', async () => {
  const { loader, log, address } = setup();
  await loader.start();
  const s = loader.session;
  let decoded;
  address.link = new Promise((r) => (decoded = r));
  const reading = loader.openLinkInAddress();
  loader.stop();
  decoded({ state: state({ model: 'wsjf' }), view: null });
  await reading;
  assert.equal(s.state.model, null);
  assert.deepEqual(log.said, []);
});

test('stop frees the storage key and the engines', async () => {
  const { loader, log } = setup();
  await loader.start();
  const s = loader.session;
  loader.stop();
  assert.ok(s.disposed);
  assert.deepEqual(log.released, ['src:backlog.json']);
  assert.equal(loader.key, '');
  assert.equal(loader.session, null);
});

test('load() takes JSON text as it is and objects as JSON; anything else is refused with the reason', () => {
  assert.deepEqual(u.documentText('{"items": []}'), { ok: true, text: '{"items": []}' });
  assert.deepEqual(u.documentText({ items: [] }), { ok: true, text: '{"items":[]}' });
  const refused = 'load() needs a "gapscore/1" document: an object or JSON text';
  assert.deepEqual(u.documentText(undefined), { ok: false, why: refused });
  assert.deepEqual(u.documentText(42), { ok: false, why: refused });
  assert.deepEqual(u.documentText(null), { ok: false, why: refused });
  assert.deepEqual(u.documentText({ toJSON: () => undefined }), { ok: false, why: refused });
  const cyclic = {};
  cyclic.self = cyclic;
  assert.match(u.documentText(cyclic).why, /^the document cannot be written as JSON: .*circular/i);
});

test('saved edits the data cannot take are reported, saying whether the data changed since they were saved, and stay saved', async () => {
  const { loader, edits, log } = setup({ saved: { state: state({ fields: { gone: { reach: 5 }, a: { reach: 7 } } }), scenarios: {} }, savedPage: 'the-old-data' });
  await loader.start();
  assert.deepEqual(json(loader.session.state.fields), json({ a: { reach: 7 } }));
  assert.equal(log.unapplied.length, 1);
  assert.deepEqual(log.unapplied[0].edits.map((d) => [d.path, d.value, d.problem.code]), [[['fields', 'gone', 'reach'], 5, 'unknown_reference']]);
  assert.equal(log.unapplied[0].pageChanged, true);
  edits.chooseModel('wsjf');
  assert.equal(log.saved.at(-1).state.fields.gone.reach, 5, 'still saved after the next change');
  assert.equal(log.saved.at(-1).state.model, 'wsjf');
  edits.forgetSaved([JSON.stringify(['fields', 'gone', 'reach'])]);
  assert.equal(log.saved.at(-1).state.fields.gone, undefined, 'gone once the reader forgets them');

  const same = setup({ saved: { state: state({ fields: { gone: { reach: 5 } } }), scenarios: {} } });
  await same.loader.start();
  assert.equal(same.log.unapplied[0].pageChanged, false, 'a format 1 entry does not know its data: not said to have changed');
  const none = setup({ saved: { state: state({ model: 'wsjf' }), scenarios: {} } });
  await none.loader.start();
  assert.deepEqual(none.log.unapplied.map((x) => x.edits.length), [0], 'nothing to say: an empty list (a notice shown before goes)');
});

test('reloading the engine opens the state on screen on a fresh instance; before any data, it loads again', async () => {
  const { loader, edits, log, address } = setup({ saved: { state: state({ model: 'wsjf' }), scenarios: {} } });
  await loader.start();
  address.link = { state: state({ weights: { cost: 3 } }), view: null };
  await loader.openLinkInAddress();
  const before = loader.session;
  const gs = loader.gs;
  assert.equal(await loader.reloadEngine(), true);
  assert.notEqual(loader.gs, gs, 'a fresh instance');
  assert.notEqual(loader.session, before, 'a session on it');
  assert.equal(loader.session.state.weights.cost, 3, 'the view that was on screen');
  assert.equal(edits.ownState().model, 'wsjf', 'and the reader’s own edits under it');
  assert.ok(edits.canUndo, 'the steps are kept');
  assert.equal(log.storageReads, 1, 'storage is not read again: the state on screen is the one to keep');

  const first = setup({ src: 'missing.json' });
  await first.loader.start();
  first.attrs.src = 'backlog.json';
  assert.equal(await first.loader.reloadEngine(), true);
  assert.equal(first.loader.session.loaded, true);
});
