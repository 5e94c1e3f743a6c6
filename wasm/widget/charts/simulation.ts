// Monte Carlo rank probabilities (the `simulate` command): for each item, the chance of
// each rank, of making the top N, its expected rank and 90 % interval, drawn as a heat map.
// The run happens on demand, a slice per frame: a bar shows the fraction done, and Cancel
// stops it with the runs completed so far.

import { stackable } from '../stack-table';
import { h, fill, uid } from '../dom';
import { count, formatNumber, formatPercent } from '../format';

export interface SimItem {
  id: string;
  title: string;
  likely_rank: number;
  expected_rank: number;
  rank_probabilities: number[];
  p_top: number;
  rank_interval: [number, number];
}
export interface SimResult {
  runs: number;
  seed: number;
  distribution?: string;
  top?: number;
  uncertain_inputs?: number;
  cancelled?: boolean;
  runs_completed?: number;
  items: SimItem[];
}

export interface SimSettings {
  runs: number;
  seed: number;
}

const ROWS = 20;
const RANK_COLUMNS = 12;

export class SimulationView {
  readonly element: HTMLElement;
  private readonly runs: HTMLInputElement;
  private readonly seed: HTMLInputElement;
  private readonly button: HTMLButtonElement;
  private readonly progress: HTMLElement;
  private readonly bar: HTMLProgressElement;
  private readonly progressText: HTMLElement;
  private readonly cancelButton: HTMLButtonElement;
  private onCancel: (() => void) | null = null;
  private readonly result: HTMLElement;
  private readonly stale: HTMLElement;
  private label = '';
  /** The inputs the shown result was computed from (to say when it is out of date). */
  shownFor = '';

  constructor(private readonly onRun: (settings: SimSettings) => void) {
    const runsId = uid('gs-runs');
    const seedId = uid('gs-seed');
    // The engine's range for simulate's runs (1 to 1,000,000); it took 1 where this said 100.
    this.runs = h('input', { type: 'number', id: runsId, min: 1, max: 1000000, step: 1, class: 'gs-num gs-boxed' });
    this.runs.value = '10000';
    this.seed = h('input', { type: 'number', id: seedId, min: 0, step: 1, class: 'gs-num gs-boxed' });
    this.seed.value = '1';
    this.button = h('button', { type: 'submit', class: 'gs-btn gs-primary', part: 'button' }, 'Run simulation');
    const form = h(
      'form',
      { class: 'gs-row gs-sim-form', novalidate: true }, // settings() cleans the numbers itself
      h('label', { for: runsId }, 'Runs'),
      this.runs,
      h('label', { for: seedId }, 'Seed'),
      this.seed,
      this.button,
    );
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      this.onRun(this.settings());
    });
    this.bar = h('progress', { max: 1, value: 0, 'aria-label': 'Simulation progress' });
    this.progressText = h('span', {}); // not live: a percentage a second would drown the widget's one live region
    this.cancelButton = h('button', { type: 'button', class: 'gs-btn', part: 'button' }, 'Cancel');
    this.cancelButton.addEventListener('click', () => this.onCancel?.());
    this.progress = h('div', { class: 'gs-progress gs-row', hidden: true }, this.bar, this.progressText, this.cancelButton);
    this.stale = h('p', { class: 'gs-note', hidden: true }, 'The estimates or weights changed since this run: run it again to update.');
    this.result = h('div', { class: 'gs-scroll' });
    this.element = h(
      'section',
      { class: 'gs-sim', part: 'chart' },
      h('p', { class: 'gs-note' }, 'Inputs given as ranges {low, likely, high} are drawn at random in every run; the table shows how often each item lands on each rank. Same seed, same numbers, here and on the command line.'),
      form,
      this.progress,
      this.stale,
      this.result,
    );
  }

  settings(): SimSettings {
    const runs = Math.round(Number(this.runs.value));
    const seed = Math.round(Number(this.seed.value));
    return { runs: Number.isFinite(runs) && runs > 0 ? runs : 10000, seed: Number.isFinite(seed) && seed >= 0 ? seed : 1 };
  }

  running(runs: number, items: number, onCancel: () => void): void {
    // The Run button is disabled while it runs, which drops its keyboard focus to the page:
    // focus goes to Cancel, the one control that acts on the run, and comes back after it.
    const hadFocus = this.focused(this.button);
    this.button.disabled = true;
    this.progress.hidden = false;
    this.onCancel = onCancel;
    this.cancelButton.disabled = false;
    if (hadFocus) this.cancelButton.focus();
    this.label = `${runs.toLocaleString('en')} simulations of ${items.toLocaleString('en')} items`;
    this.progressed(0);
  }

  private focused(el: HTMLElement): boolean {
    return (el.getRootNode() as Document | ShadowRoot).activeElement === el;
  }

  /** The fraction of runs done, 0..1. */
  progressed(fraction: number): void {
    this.bar.value = fraction;
    this.progressText.textContent = `Running ${this.label}: ${Math.floor(fraction * 100)} %`;
  }

  done(): void {
    const hadFocus = this.focused(this.cancelButton);
    this.button.disabled = false;
    this.progress.hidden = true;
    this.onCancel = null;
    if (hadFocus) this.button.focus();
  }

  markStale(stale: boolean): void {
    this.stale.hidden = !stale;
  }

  showMessage(text: string): void {
    fill(this.result, h('p', { class: 'gs-note' }, text));
  }

  render(r: SimResult, top: number): void {
    const n = r.items.length;
    const cols = Math.min(n, RANK_COLUMNS);
    const rows = [...r.items].sort((a, b) => a.expected_rank - b.expected_rank).slice(0, ROWS);
    const note =
      r.uncertain_inputs === 0
        ? h('p', { class: 'gs-note' }, 'No input of this model is a range, so every run gives the same ranking. Give estimates as {"low", "likely", "high"} to see the uncertainty.')
        : r.cancelled
          ? h('p', { class: 'gs-note' }, `Cancelled after ${formatNumber(r.runs_completed ?? 0)} of ${formatNumber(r.runs)} runs: the table shows those runs (seed ${r.seed}, ${count(r.uncertain_inputs ?? 0, 'ranged input')}).`)
          : h('p', { class: 'gs-note' }, `${formatNumber(r.runs)} runs, seed ${r.seed}, ${count(r.uncertain_inputs ?? 0, 'ranged input')}, ${r.distribution ?? ''} distribution.`);
    const head = h(
      'tr',
      {},
      h('th', { scope: 'col' }, 'Item'),
      ...Array.from({ length: cols }, (_, k) => h('th', { scope: 'col', class: 'gs-heat-h' }, `#${k + 1}`)),
      h('th', { scope: 'col' }, `P(top ${top})`),
      h('th', { scope: 'col' }, 'Expected rank'),
      h('th', { scope: 'col' }, '90 % of runs'),
    );
    const body = rows.map((it) => {
      const cells = Array.from({ length: cols }, (_, k) => {
        const p = it.rank_probabilities[k] ?? 0;
        const td = h('td', { class: 'gs-heat', title: `${it.title}: rank ${k + 1} in ${formatPercent(p)} of runs` }, p >= 0.005 ? String(Math.round(p * 100)) : '');
        td.style.setProperty('--p', String(p)); // CSSOM, not a style attribute: fine under CSP
        if (p > 0.55) td.classList.add('gs-heat-strong');
        return td;
      });
      const bar = h('span', { class: 'gs-bar gs-bar-small' }, h('span', { class: 'gs-seg gs-px' }));
      (bar.firstChild as HTMLElement).style.width = `${(it.p_top * 100).toFixed(1)}%`;
      return h(
        'tr',
        {},
        h('th', { scope: 'row', class: 'gs-title' }, it.title),
        ...cells,
        h('td', { class: 'gs-ptop' }, bar, ' ', formatPercent(it.p_top)),
        h('td', { class: 'gs-score' }, formatNumber(it.expected_rank)),
        h('td', {}, it.rank_interval[0] === it.rank_interval[1] ? `#${it.rank_interval[0]}` : `#${it.rank_interval[0]}–${it.rank_interval[1]}`),
      );
    });
    fill(
      this.result,
      note,
      // Stacked rows on a phone (stack-table.ts): twelve rank columns do not fit 390 px.
      stackable(h('table', { class: 'gs-table gs-heatmap' }, h('caption', { class: 'gs-sr' }, 'Chance of each rank, in percent of runs'), h('thead', {}, head), h('tbody', {}, ...body))),
      n > ROWS ? h('p', { class: 'gs-note' }, `The ${ROWS} items with the best expected rank are shown; export or the command line give all ${n}.`) : null,
    );
  }
}
