// Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y (Cmd on a Mac) anywhere in the widget undo and redo its
// steps; text fields keep their own undo of what is being typed. An estimate field that shows
// the value in force (Enter applied it, nothing typed since) has nothing of its own to undo:
// there the keys undo the widget's step, so focus can stay in the field.

/** What a key press asks of the widget's history, or null. */
export function historyShortcut(ev: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'key' | 'composedPath'>): 'undo' | 'redo' | null {
  if (!(ev.ctrlKey || ev.metaKey) || ev.altKey) return null;
  const target = ev.composedPath()[0] as HTMLElement | undefined;
  const applied = target?.matches?.('input.gs-num') && (target as HTMLInputElement).value === (target.dataset.value ?? '');
  if (!applied && target?.matches?.('input[type="text"], input[type="number"], textarea')) return null; // their own undo
  const k = ev.key.toLowerCase();
  if (k === 'z' && !ev.shiftKey) return 'undo';
  if ((k === 'z' && ev.shiftKey) || k === 'y') return 'redo';
  return null;
}
