// The stakeholders view's opening sentence, for people who do not read Kendall's W: how much
// they agree (the engine's own interpretation), what all of them put in their top N, where
// they split most (the engine's order of disagreement) and who is closest to the reference
// ranking (the customers' when the engine says it is).
// Every fact is read from the `agreement` answer; nothing is judged here. Also shared ranks:
// a rank of 27.5 is two items tied for places 27 and 28, and is said as such.

import type { AgreementResult } from './agreement';
import { referenceName } from './agreement';
import { formatNumber } from '../format';

/** "A, B and C". */
function list(names: string[]): string {
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : (names[0] ?? '');
}

const COUNT_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const countWord = (n: number) => COUNT_WORDS[n] ?? String(n);

export function agreementSentence(r: AgreementResult, widgetTop: number, nameOf: (stakeholder: string) => string): string {
  const out: string[] = [];
  const n = r.stakeholders;
  const how = r.defined === false || r.kendall_w === null ? 'how much they agree cannot be measured on these ratings' : (r.interpretation ?? 'see the statistics below');
  out.push(`${countWord(n).replace(/^./, (c) => c.toUpperCase())} stakeholders rated ${r.items_compared} items: ${how}.`);
  const who = Object.keys(r.items[0]?.ranks ?? {});
  if (who.length > 1) {
    // The widget's top N, but never more than the items compared: "top 4" of 3 items reads wrong.
    const top = Math.min(widgetTop, r.items_compared);
    const shared = r.items.filter((it) => who.every((s) => it.ranks[s] <= top)).sort((a, b) => a.mean_rank - b.mean_rank);
    out.push(shared.length ? `${who.length === 2 ? 'Both' : `All ${countWord(who.length)}`} put ${list(shared.slice(0, 5).map((it) => it.title))}${shared.length > 5 ? ` and ${shared.length - 5} more` : ''} in their top ${top}.` : `No item is in every one’s top ${top}.`);
  }
  // The engine lists the items most disputed first.
  const split = r.items.slice(0, 3).filter((it) => it.rank_range[1] > it.rank_range[0]);
  // A rank from the range is one stakeholder's: said as the places it shares, if it does.
  const said = (rank: number, it: AgreementResult['items'][number]) => {
    const s = who.find((x) => it.ranks[x] === rank);
    const shown = s ? sharedRank(rank, r.items.map((x) => x.ranks[s])) : { text: formatNumber(rank), shared: 0 };
    return shown.text; // "23–26": places shared, as the note under the table says
  };
  if (split.length) out.push(`They split most on ${list(split.map((it) => `${it.title} (ranked from ${said(it.rank_range[0], it)} to ${said(it.rank_range[1], it)})`))}.`);
  const aligned = r.alignment.filter((a) => a.tau_b !== null);
  if (r.reference && aligned.length > 1) {
    const best = aligned.reduce((a, b) => (b.tau_b! > a.tau_b! ? b : a));
    const worst = aligned.reduce((a, b) => (b.tau_b! < a.tau_b! ? b : a));
    out.push(`Closest to ${referenceName(r.reference)}: ${best.name || nameOf(best.stakeholder)}; furthest: ${worst.name || nameOf(worst.stakeholder)}.`);
  }
  return out.join(' ');
}

/**
 * A stakeholder's rank of an item as shown: a rank the item shares with others (same rating)
 * is the places they share, "27–28", with `shared` set; `ranks` is every item's rank by the
 * same stakeholder (the engine's), to count how many share it.
 */
export function sharedRank(rank: number, ranks: number[]): { text: string; shared: number } {
  let k = 0;
  for (const x of ranks) if (x === rank) k++;
  if (k <= 1) return { text: formatNumber(rank), shared: 0 };
  const lo = rank - (k - 1) / 2;
  const hi = rank + (k - 1) / 2;
  return { text: `${formatNumber(lo)}–${formatNumber(hi)}`, shared: k };
}
