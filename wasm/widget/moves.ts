// What moved in the ranking, in words for a screen reader: after the status sentence "Book
// appointments in the app: Effort 1.", "Now #3, up 8; entered the top 10." The ranks are the engine's (the snapshot's `ranks`); this
// file only compares two of them. The comparison is against the ranking last said, so several
// changes in a row (arrow keys on a slider) are said once, as one move.

/** An item's rank by id, as the engine ranked it. */
export type Ranks = Map<string, number>;

export function ranksOf(ids: string[], ranks: ArrayLike<number>): Ranks {
  const out: Ranks = new Map();
  for (let i = 0; i < ids.length; i++) out.set(ids[i], ranks[i]);
  return out;
}

/** "A, B and 2 more". */
function names(list: string[], max = 3): string {
  if (list.length <= max) return list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}` : (list[0] ?? '');
  return `${list.slice(0, max).join(', ')} and ${list.length - max} more`;
}

/**
 * The sentence for a change from `before` to `after`: the edited item first (`subject`, an id),
 * then the others that crossed the top-`top` cut. '' when nothing is worth saying.
 */
export function describeMoves(before: Ranks, after: Ranks, top: number, title: (id: string) => string, subject: string | null): string {
  const parts: string[] = [];
  const size = after.size;
  const cut = top < size; // a top N as long as the list has no cut to cross
  const crossing = (was: number, now: number) => (!cut ? '' : was > top && now <= top ? `entered the top ${top}` : was <= top && now > top ? `left the top ${top}` : '');
  let said = '';
  if (subject !== null && before.has(subject) && after.has(subject)) {
    const was = before.get(subject)!;
    const now = after.get(subject)!;
    const move = was - now;
    const how = move > 0 ? `now #${now}, up ${move}` : move < 0 ? `now #${now}, down ${-move}` : `still #${now}`;
    const crossed = crossing(was, now);
    // The status sentence before it names the item ("Dark mode: Effort 2."): "Now #3, up 8."
    parts.push(`${how.charAt(0).toUpperCase()}${how.slice(1)}${crossed ? `; ${crossed}` : ''}.`);
    said = subject;
  }
  const entered: string[] = [];
  const left: string[] = [];
  let moved = 0;
  for (const [id, now] of after) {
    const was = before.get(id);
    if (was === undefined) continue;
    if (was !== now) moved++;
    if (id === said || !cut) continue;
    if (was > top && now <= top) entered.push(`${title(id)} (#${now})`);
    else if (was <= top && now > top) left.push(`${title(id)} (#${now})`);
  }
  if (entered.length) parts.push(`Entered the top ${top}: ${names(entered)}.`);
  if (left.length) parts.push(`Left the top ${top}: ${names(left)}.`);
  if (!said && !entered.length && !left.length && moved > 0) parts.push(cut ? `${moved} ${moved === 1 ? 'item' : 'items'} moved; the top ${top} has the same items.` : `${moved} ${moved === 1 ? 'item' : 'items'} moved.`);
  return parts.join(' ');
}

/**
 * Keeps the ranking last said and the item last edited, and words what moved since. `spoken()`
 * is called once the words were handed to the live region, and starts the next comparison there.
 */
export class MoveTracker {
  private base: Ranks | null = null;
  private latest: Ranks | null = null;
  private subject: string | null = null;

  /** The item an edit is about (its id), said first. */
  edited(id: string): void {
    this.subject = id;
  }

  /** Forgets the ranking (new data that shares no meaning with the old, or a first load). */
  reset(): void {
    this.base = this.latest = null;
    this.subject = null;
  }

  /** A settled ranking: what moved since the ranking last said ('' for a first one). */
  update(ranks: Ranks, top: number, title: (id: string) => string): string {
    this.latest = ranks;
    if (!this.base) {
      this.base = ranks;
      return '';
    }
    return describeMoves(this.base, ranks, top, title, this.subject);
  }

  spoken(): void {
    if (this.latest) this.base = this.latest;
    this.subject = null;
  }
}
