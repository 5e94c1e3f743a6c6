// Tables that reflow on a narrow widget (.gs-narrow, set by shell.ts under 600 px): each row
// becomes a block, its title on a line of its own and its cells flowing in lines under it,
// each after its column's name (data-label, drawn by CSS). On a phone nothing is cut off and
// nothing scrolls sideways; wider, the table is a table. The header row stays in the page
// for screen readers, hidden from the eye only while rows are stacked.

/** Marks `table` to reflow when narrow and names its cells after their columns. */
export function stackable<T extends HTMLTableElement>(table: T): T {
  table.classList.add('gs-stack');
  labelCells(table);
  return table;
}

/** Names each body cell after its column's header; call again after adding rows ("Show all"). */
export function labelCells(table: HTMLTableElement): void {
  const heads = [...(table.tHead?.rows[0]?.cells ?? [])].map((c) => c.textContent?.trim() ?? '');
  for (const body of table.tBodies)
    for (const row of body.rows)
      [...row.cells].forEach((cell, k) => {
        if (cell.tagName === 'TD' && heads[k] && !cell.dataset.label) cell.dataset.label = heads[k];
      });
}
