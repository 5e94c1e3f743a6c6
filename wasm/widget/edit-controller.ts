// Every change a person makes, in one place: applied to the session, recorded for Undo and
// Redo, and saved with the named scenarios under the widget's storage key, merged with what
// other tabs saved (edit-sync.ts). What another tab saved is shown here too, and Undo is
// rebased on it. The page is reached only through EditPorts, so these rules are tested under
// node with a fake session and a fake store (tests/browser/edit-controller.test.mjs,
// sync.test.mjs).

import type { SaveOutcome } from './edit-sync';
import { EditSync } from './edit-sync';
import { unlessEngineFailed } from './engine-guard';
import type { Feedback } from './feedback';
import { count, formatNumber, formatSpan } from './format';
import { History } from './history';
import { safeParse, warningKey } from './messages';
import type { Problem } from './module-types';
import type { Merged, Replica } from './replica';
import type { InputColumn, LoadResult, Session } from './session';
import type { Change, EditState } from './state';
import { applyChange, changesData, cloneState, editCount, emptyState, isPristine, pinned, viewOnly } from './state';
import type { EntryStore, StorageProblem } from './store';
import { presetState } from './weight-presets';

/** What a change returns when the engine failed under it (the widget says so in its notice). */
export const ENGINE_DOWN = 'the engine stopped';

/** The part of a Session that changes go through. */
export type EditableSession = Pick<
  Session,
  'state' | 'model' | 'size' | 'ids' | 'titles' | 'document' | 'preferredModel' | 'apply' | 'documentValue' | 'documentModel' | 'previewWeight' | 'weightSets'
> &
  Partial<Pick<Session, 'documentRange' | 'currentWarnings'>>;

export interface EditPorts {
  session(): EditableSession | null;
  readOnly(): boolean;
  feedback: Pick<Feedback, 'say' | 'clearErrors' | 'fail'>;
  /** The widget's entry in storage. */
  store: EntryStore;
  /** A save failed (the problem, with its code), or saves work again after failing (null). */
  storage(problem: StorageProblem | null): void;
  /** Values or scenarios another tab saved are now shown here; `merged.replaced`: values of this tab's they replaced. */
  otherTab(merged: Merged): void;
  /** Takes the widget's share link out of the address: the view on screen is no longer the link's. */
  dropLink(): void;
  /** The model, the data or the history changed: redraw all that depends on them. */
  changed(): void;
  /** A change was refused: redraw, so inputs show the values in force again. */
  refused(): void;
  /** The saved scenarios changed; their names in the order they were first saved. */
  scenariosChanged(names: string[]): void;
}

/**
 * Whose view is on screen. 'own': the reader's, saved as it changes. 'link': a share link's
 * view, opened over the reader's edits (`own`); until the view is changed, storage keeps
 * `own`, so a reload shows the reader's view again (docs/embedding.md).
 */
type Showing = { kind: 'own' } | { kind: 'link'; own: EditState };
const OWN: Showing = { kind: 'own' };

export class EditController {
  private readonly history: History;
  private showing: Showing = OWN;
  /** The warnings the engine raised about the last change committed (none when refused). */
  private raised: Problem[] = [];
  /** Named scenarios (a record without prototype: "__proto__" is just a name). */
  scenarios: Record<string, EditState> = Object.create(null);

  private readonly sync: EditSync;
  /** The last save failed, and why; null while saves work. */
  private storageProblem: StorageProblem | null = null;

  /** `now`: the history's clock (slider steps merge within a second); `sync`: this tab's id and clock for stamps. */
  constructor(
    private readonly ports: EditPorts,
    now?: () => number,
    sync: { tab?: string; now?: () => number } = {},
  ) {
    this.history = new History(now);
    this.sync = new EditSync(ports.store, sync.tab ?? Math.random().toString(36).slice(2, 10), sync.now);
  }

  get canUndo(): boolean {
    return this.history.canUndo;
  }
  get canRedo(): boolean {
    return this.history.canRedo;
  }

  /** The reader's own edits: what is on screen, or under a shared link's view, what it was opened over. */
  ownState(): EditState {
    return this.ownOf(this.ports.session()!);
  }

  private ownOf(s: EditableSession): EditState {
    return this.showing.kind === 'link' ? this.showing.own : s.state;
  }

  /**
   * Applies a change, records it for Undo, saves, and redraws. Returns why not, or null.
   * `whole`: a change of many values (a weight set) is refused whole, with the engine's
   * reasons, when the engine would take only part of it, rather than recorded as made.
   */
  commit(change: Change, kind: 'edit' | 'import' = 'edit', whole = false): string | null {
    const s = this.ports.session();
    this.raised = [];
    if (!s) return 'not loaded';
    const next = applyChange(s.state, change, 'after');
    const warnedBefore = new Set((s.currentWarnings ?? []).map(warningKey));
    let r = unlessEngineFailed(() => s.apply(change, 'after', next));
    if (!r) return ENGINE_DOWN; // nothing recorded: the last good state stays
    // The values the engine left out of the change, with its reasons.
    const leftOut = r.ok && r.dropped > 0 ? (r.droppedEdits ?? []).map((d) => d.problem) : [];
    if (whole && leftOut.length) {
      if (!unlessEngineFailed(() => s.apply(change, 'before', applyChange(s.state, change, 'before')))) return ENGINE_DOWN;
      r = { ok: false, errors: leftOut };
    }
    const { feedback } = this.ports;
    if (!r.ok) {
      const keep = [r.note, 'The data shown before is unchanged.'].filter(Boolean).join(' ');
      if (kind === 'import') feedback.fail('import', r.heading ?? 'This data cannot be used.', r.errors, keep, safeParse(next.document ?? ''));
      else feedback.fail('edit', 'That change was not applied.', r.errors, 'Nothing else changed.', s.document);
      this.ports.refused();
      return r.errors[0]?.message ?? 'not allowed';
    }
    feedback.clearErrors();
    // A scenario or a link whose values the data no longer takes all: the rest is applied, and
    // what was left out is said with the engine's reasons, never dropped in silence.
    if (leftOut.length) feedback.fail('edit', 'Part of that change was not applied.', leftOut, 'The rest was.', s.document);
    // What the engine warns about the values just set (an impact of 7): the renderer shows it
    // with the data's other warnings; the status sentence says it (editValue).
    this.raised = (s.currentWarnings ?? []).filter((w) => !warnedBefore.has(warningKey(w)));
    this.history.push(change);
    this.ports.dropLink();
    this.showing = OWN; // a change made to a shared view makes it the reader's own
    this.afterChange();
    return null;
  }

  undo(): void {
    this.replay(this.history.nextUndo(), 'before', 'Undone.', () => this.history.undo());
  }

  redo(): void {
    this.replay(this.history.nextRedo(), 'after', 'Redone.', () => this.history.redo());
  }

  /** Replays one side of a step; the step moves (`take`) once the engine ran it, failed or not. */
  private replay(c: Change | null, side: 'before' | 'after', note: string, take: () => void): void {
    const s = this.ports.session();
    if (!c || !s) return;
    const r = unlessEngineFailed(() => s.apply(c, side, applyChange(s.state, c, side)));
    if (!r) return; // the engine failed: the step stays where it was
    take();
    if (!r.ok) this.ports.feedback.fail('edit', 'Could not restore that step.', r.errors);
    else this.ports.feedback.clearErrors(); // the refused change's message no longer applies
    this.ports.feedback.say(note);
    this.showing = OWN;
    this.afterChange();
  }

  reset(): void {
    const s = this.ports.session();
    if (!s || isPristine(s.state)) {
      this.ports.feedback.say('Nothing to reset: this is the page’s data.');
      return;
    }
    this.commit({ kind: 'state', label: 'reset', before: s.state, after: emptyState() });
    this.ports.feedback.say('Back to the page’s data. Undo brings your changes back.');
  }

  /**
   * The reader keeps their values over a page whose data changed: saved again, stamped with
   * this page's data, so the next visit does not ask again.
   */
  keepOverPage(): void {
    if (!this.ports.readOnly()) this.persist();
  }

  /** The page's values at these paths (path keys) instead of the reader's, in one undoable step. */
  usePageValues(keys: string[]): void {
    const s = this.ports.session();
    if (!s || keys.length === 0) return;
    const after = pinned(s.state, new Map(keys.map((k) => [k, null])));
    if (this.commit({ kind: 'state', label: 'page values', before: s.state, after }) === null)
      this.ports.feedback.say(`The page’s ${keys.length === 1 ? 'value is' : 'values are'} shown. Undo brings yours back.`);
  }

  /** Replaces the data (an import, load()) in one undoable step; false when it cannot be used. */
  replaceDocument(text: string): boolean {
    const s = this.ports.session()!;
    const after = emptyState();
    after.document = text;
    if (this.commit({ kind: 'state', label: 'replace the data', before: s.state, after }, 'import')) return false;
    this.ports.feedback.say(`Loaded ${count(s.size, 'item')}. Undo brings the previous data back.`);
    return true;
  }

  chooseModel(id: string): void {
    const s = this.ports.session();
    if (!s || id === s.model) return;
    this.commit({ kind: 'model', before: s.state.model, after: id });
  }

  /** A slider moving: the engine follows, nothing is recorded (the gesture's end commits). */
  previewWeight(id: string, w: number): boolean {
    return unlessEngineFailed(() => this.ports.session()?.previewWeight(id, w)) ?? false;
  }

  /**
   * An estimate typed in (table or explanation). The document's own value typed over an edit
   * removes the edit. Returns why it was refused, or null.
   */
  editValue(index: number, col: InputColumn, value: number): string | null {
    const s = this.ports.session()!;
    const id = s.ids[index];
    const before = (col.kind === 'field' ? s.state.fields : s.state.scores)[id]?.[col.key] ?? null;
    const docValue = s.documentValue(index, col);
    const after = value === docValue && before !== null ? null : value;
    if (after === before || (after === null && before === null)) return null;
    const change: Change =
      col.kind === 'field'
        ? { kind: 'field', item: id, field: col.key, before, after }
        : { kind: 'score', item: id, criterion: col.key, before, after };
    const err = this.commit(change);
    // Over a range the number is its likely value and the range stays: the status says both.
    const range = s.documentRange?.(index, col);
    const kept = range ? ` (likely value; the range ${formatSpan(range)} stays)` : '';
    const token = (t: string) => t.replace(/~/g, '~0').replace(/\//g, '~1');
    const path = col.kind === 'field' ? `/items/${index}/${token(col.key)}` : `/items/${index}/scores/${token(col.key)}`;
    const warned = this.raised.filter((w) => w.path === path).map((w) => ` Warning: ${col.label} ${w.message}.`).join('');
    if (!err) this.ports.feedback.say(`${s.titles[index]}: ${col.label} ${formatNumber(value)}${kept}.${warned}`);
    // Refused: the status says this refusal's reason (it kept an earlier one's, "must be a number").
    else this.ports.feedback.say(`Not applied: ${col.label} of ${s.titles[index]}: ${err}.`);
    return err;
  }

  /** "Weigh it like": a preset's weights in one undoable step (weight-presets.ts). */
  applyPreset(value: string): void {
    const s = this.ports.session()!;
    const r = presetState(value, s);
    if (!r) return;
    // A weight beyond a ranged weight's low..high is refused (engine.hpp): then the set is not applied at all.
    if (!this.commit({ kind: 'state', label: `weights of ${r.label}`, before: s.state, after: r.state }, 'edit', true)) this.ports.feedback.say(`Weights: ${r.label}${r.note}. Undo goes back.`);
  }

  /** The element's model attribute changed: it applies while the person has chosen no model. */
  preferModel(models: string | null): void {
    const s = this.ports.session()!;
    s.preferredModel = models;
    if (s.state.model !== null) return;
    if (unlessEngineFailed(() => s.apply({ kind: 'model', before: null, after: s.documentModel() }, 'after', s.state))) this.ports.changed();
  }

  // ---- scenarios ----

  saveScenario(name: string): void {
    const s = this.ports.session();
    if (!s) return;
    const replaced = name in this.scenarios;
    this.scenarios[name] = cloneState(s.state);
    this.persist();
    this.ports.scenariosChanged(Object.keys(this.scenarios));
    this.ports.feedback.say(
      `${replaced ? 'Replaced' : 'Saved'} scenario “${name}” (${count(editCount(s.state), 'change')} from the page’s data)` +
        (this.ports.readOnly() ? ', for this visit only: a read-only widget stores nothing.' : '.'),
    );
  }

  loadScenario(name: string): void {
    const st = this.scenarios[name];
    const s = this.ports.session();
    if (!st || !s) return;
    // Read-only (also when switched on after the scenario was saved): its model and weights
    // only, as for a share link; the data stays the page's.
    const dataLeft = this.ports.readOnly() && changesData(st);
    const after = dataLeft ? viewOnly(st) : cloneState(st);
    this.commit({ kind: 'state', label: `load ${name}`, before: s.state, after });
    this.ports.feedback.say(`Loaded scenario “${name}”${dataLeft ? ': its model and weights only, the data is read-only' : ''}. Undo goes back.`);
  }

  removeScenario(name: string): void {
    delete this.scenarios[name];
    this.persist();
    this.ports.scenariosChanged(Object.keys(this.scenarios));
  }

  // ---- what the page loader hands over ----

  /**
   * What storage held when the page's data loaded (null: nothing), and the hash of that data
   * (written with each save, so a later visit can tell the data changed).
   */
  adoptSaved(saved: Replica | null, page: string | null): void {
    this.sync.adopt(saved, page);
    this.scenarios = this.sync.replica.scenarioStates();
  }

  /**
   * The data is on screen with the saved edits it could take: the next save stamps only what
   * the reader changes from here, so saved edits this data cannot take stay saved.
   */
  loaded(): void {
    const s = this.ports.session();
    if (s) this.sync.settle(this.ownOf(s));
  }

  /** Removes saved edits this data cannot take (path keys) from storage, when the reader chooses to. */
  forgetSaved(keys: string[]): void {
    if (this.ports.readOnly()) return;
    this.sync.forget(keys);
    this.persist();
  }

  /** Every edit storage holds for this widget, those this data cannot take included (for their download). */
  savedState(): EditState {
    return this.sync.replica.state();
  }

  /** Saves again now (the storage notice's "Try saving again"); the problem that remains, or null when it saved. */
  retrySave(): StorageProblem | null {
    this.persist();
    return this.storageProblem;
  }

  /** Another tab wrote this widget's entry (a storage event): `text` is the entry now. */
  received(text: string | null): void {
    const s = this.ports.session();
    if (this.ports.readOnly() || !s || text === null) return; // removed (storage cleared): the next save writes it again
    const { merged, rewrite } = this.sync.receive(text);
    if (merged) this.takeIn(merged);
    if (rewrite) this.saved(rewrite);
  }

  /**
   * A shared link's state is on screen, opened over `own` (the reader's edits): one undo step
   * back to them, and storage keeps them until the view changes. False when the link shows
   * the reader's own view already (say, the sender reloading): then nothing is recorded.
   */
  linkOpened(own: EditState): boolean {
    const s = this.ports.session()!;
    if (JSON.stringify(own) === JSON.stringify(s.state)) return false;
    this.history.push({ kind: 'state', label: 'open the shared link', before: own, after: s.state });
    this.showing = { kind: 'link', own };
    return true;
  }

  /** Read-only switched on: Undo and Redo would change the data the page now shows read-only. */
  forgetSteps(): void {
    this.history.clear();
  }

  /**
   * Read-only switched off: the widget starts again from what is saved. The visit's steps,
   * link view and scenarios go too: an Undo or a save after the restart would otherwise
   * write the read-only state over the saved one.
   */
  forgetVisit(): void {
    this.history.clear();
    this.showing = OWN;
    this.scenarios = Object.create(null) as Record<string, EditState>;
  }

  private afterChange(): void {
    this.ports.changed();
    this.persist();
  }

  /** Saves the reader's own edits and the scenarios, merged with other tabs'; a read-only widget stores nothing. */
  private persist(): void {
    const s = this.ports.session();
    if (this.ports.readOnly() || !s) return;
    this.sync.record(this.ownOf(s), this.scenarios);
    this.saved(this.sync.save());
  }

  /** After a write: what other tabs had saved is shown, and a failure (or the end of one) is told once. */
  private saved(out: SaveOutcome): void {
    if (out.merged) this.takeIn(out.merged);
    const problem = out.ok ? null : out.problem;
    if ((problem?.code ?? null) === (this.storageProblem?.code ?? null)) return;
    this.storageProblem = problem;
    this.ports.storage(problem);
  }

  /**
   * Values and scenarios another tab saved later than this one: shown (under a shared link's
   * view, they go into the reader's own edits underneath), and every Undo step keeps them as
   * that tab left them, so Undo here never takes another tab's edit back.
   */
  private takeIn(m: Merged): void {
    const s = this.ports.session();
    if (!s || (m.changed.size === 0 && !m.scenariosChanged)) return;
    if (m.changed.size > 0) {
      if (this.showing.kind === 'link') {
        this.showing = { kind: 'link', own: pinned(this.showing.own, m.changed) };
      } else {
        const next = pinned(s.state, m.changed);
        const change: Change = { kind: 'state', label: 'changes from another tab', before: s.state, after: next };
        const r: LoadResult | null = unlessEngineFailed(() => s.apply(change, 'after', next));
        // A failed engine: the state to reopen once it is reloaded (page-loader.ts reopens s.state).
        if (!r) s.state = next;
        else if (!r.ok) this.ports.feedback.fail('edit', 'Changes saved in another tab cannot be shown here.', r.errors, 'They stay saved; the view here is unchanged.');
      }
      this.history.rebase(m.changed);
      this.sync.settle(this.ownOf(s));
    }
    if (m.scenariosChanged) {
      this.scenarios = this.sync.replica.scenarioStates();
      this.ports.scenariosChanged(Object.keys(this.scenarios));
    }
    this.ports.changed();
    this.ports.otherTab(m);
  }
}
