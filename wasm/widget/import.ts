// Reading a file or pasted text into a document, through the engine: CSV goes through
// `import-csv` (which names the line and column of each problem), JSON through `validate`.
// Nothing here touches the widget's current data; the caller swaps only on success.

import type { GapscoreModule, Problem } from './module-types';
import { runJson } from './module';

export type Prepared =
  | { ok: true; kind: 'json' | 'csv'; documentText: string; count: number; titles: string[]; warnings: Problem[] }
  | { ok: false; kind: 'json' | 'csv'; errors: Problem[] };

export function sniffKind(text: string, filename = ''): 'json' | 'csv' {
  const name = filename.toLowerCase();
  if (name.endsWith('.csv') || name.endsWith('.tsv') || name.endsWith('.txt')) return 'csv';
  if (name.endsWith('.json')) return 'json';
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  return first === '{' || first === '[' ? 'json' : 'csv';
}

/**
 * `models`: the models to try, the widget's current one first. A CSV names no model, so the
 * document's default (RICE) would refuse a WSJF-only or a scorecard sheet; the data is
 * accepted when one of these models can rank it (the widget then picks a usable model).
 */
export function prepareImport(gs: GapscoreModule, text: string, filename = '', models: string[] = []): Prepared {
  const kind = sniffKind(text, filename);
  if (!text.trim()) return { ok: false, kind, errors: [{ path: '', code: 'missing', message: 'the file is empty' }] };
  // A byte order mark: the engine accepts one, JSON.parse (below) and the stored copy do not need it.
  let documentText = text.replace(/^\uFEFF/, '');
  let warnings: Problem[] = [];
  if (kind === 'csv') {
    const r = runJson<object>(gs, 'import-csv', text);
    if (!r.ok) return { ok: false, kind, errors: r.errors };
    documentText = JSON.stringify(r.value, null, 2);
    warnings = r.warnings;
  }
  let v = runJson<{ valid?: boolean }>(gs, 'validate', documentText);
  if (!v.ok && !namesModel(documentText)) {
    let current: typeof v | null = null;
    for (const model of models) {
      const other = runJson<{ valid?: boolean }>(gs, 'validate', documentText, { model });
      if (other.ok) {
        v = other;
        break;
      }
      current ??= other;
    }
    // None fits: the errors of the current model say what it needs (the most useful reading).
    if (!v.ok && current) v = current;
  }
  // A misspelt column ("impcat") is only a warning, but it is usually why the data fails:
  // name each such column once, before the errors it causes.
  if (!v.ok) return { ok: false, kind, errors: [...unknownColumns(warnings), ...v.errors] };
  warnings = warnings.concat(v.warnings);
  let doc: { items?: { id?: string; title?: string }[] };
  try {
    doc = JSON.parse(documentText);
  } catch (error) {
    // The engine accepted what JavaScript cannot parse: say so rather than throw.
    return { ok: false, kind, errors: [{ path: '', code: 'not_json', message: `the browser could not read this JSON: ${String(error)}` }] };
  }
  const items = Array.isArray(doc.items) ? doc.items : [];
  return {
    ok: true,
    kind,
    documentText,
    count: items.length,
    titles: items.slice(0, 5).map((it) => String(it.title ?? it.id ?? '')),
    warnings,
  };
}

/** Whether the document chooses its own model (then only that one is checked). */
function namesModel(documentText: string): boolean {
  try {
    const doc = JSON.parse(documentText) as { model?: unknown };
    return typeof doc?.model === 'string';
  } catch {
    return false;
  }
}

/** The first unknown-field warning with a suggestion (a typo of a known field) of each CSV
 * column, at most three: extra columns without a near name (a tracker's Assignee, Sprint)
 * must not hide the real errors. Matched by code, never by the message's words. */
function unknownColumns(warnings: Problem[]): Problem[] {
  const seen = new Set<string>();
  return warnings
    .filter((w) => {
      const column = w.path.split('/').pop() ?? '';
      if (w.code !== 'unknown_field' || !w.suggestion || seen.has(column)) return false;
      seen.add(column);
      return true;
    })
    .slice(0, 3);
}

/** Offers text as a file download; blob URLs work from file:// and under a strict CSP. */
export function download(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A safe file name stem from a title or key: "Q3 backlog!" -> "q3-backlog". */
export function fileStem(text: string): string {
  const s = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return s || 'backlog';
}

/** The models an import is checked against: the widget's current one first, then the others. */
export function modelsToTry(s: { model: string; models: { id: string }[] } | null): string[] {
  return s ? [s.model, ...s.models.map((m) => m.id).filter((m) => m !== s.model)] : [];
}
