// Reading a file or pasted text into a document, through the engine: CSV goes through
// `import-csv` (which recognizes a tracker's export, applies the reader's mapping and names
// the row, column and field of each problem), JSON through `validate`. Nothing here touches
// the widget's current data; the caller swaps only on success.

import type { GapscoreModule, Problem } from './module-types';
import type { Detection, MappingChoice } from './import-mapping';
import { runJson, type RunResult } from './module';

/** The first rows of the imported data as the engine ranks them, before anything is replaced. */
export interface RankedPreview {
  model: string;
  label: string;
  rows: { rank: number; title: string; score: number }[];
}

export type Prepared =
  | { ok: true; kind: 'json' | 'csv'; documentText: string; count: number; titles: string[]; warnings: Problem[]; ranking: RankedPreview | null }
  | { ok: false; kind: 'json' | 'csv'; errors: Problem[] };

/** The `import-csv` options for the reader's mapping choice (none: the engine's own reading). */
function mappingOptions(mapping: MappingChoice | null): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  if (mapping?.map) options.map = mapping.map;
  if (mapping?.locale) options.locale = mapping.locale;
  return options;
}

/** The engine's reading of a sheet: its columns, the export it recognizes, the mapping it would use. */
export function detectColumns(gs: GapscoreModule, text: string, mapping: MappingChoice | null = null): RunResult<Detection> {
  return runJson<Detection>(gs, 'import-csv', text, { detect: true, ...mappingOptions(mapping) });
}

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
export function prepareImport(gs: GapscoreModule, text: string, filename = '', models: string[] = [], mapping: MappingChoice | null = null): Prepared {
  const kind = sniffKind(text, filename);
  if (!text.trim()) return { ok: false, kind, errors: [{ path: '', code: 'missing', message: 'the file is empty' }] };
  // A byte order mark: the engine accepts one, JSON.parse (below) and the stored copy do not need it.
  let documentText = text.replace(/^\uFEFF/, '');
  let warnings: Problem[] = [];
  if (kind === 'csv') {
    const r = runJson<Record<string, unknown>>(gs, 'import-csv', text, mappingOptions(mapping));
    if (!r.ok) return { ok: false, kind, errors: r.errors };
    // The import's notes (what was mapped, left out, converted) are shown now; they are not data.
    const doc = { ...r.value };
    delete doc.warnings;
    documentText = JSON.stringify(doc, null, 2);
    warnings = r.warnings;
  }
  let v = runJson<{ valid?: boolean; model?: string }>(gs, 'validate', documentText);
  let model: string | null = null; // a model other than the document's that accepts the data
  if (!v.ok && !namesModel(documentText)) {
    let current: typeof v | null = null;
    for (const m of models) {
      const other = runJson<{ valid?: boolean; model?: string }>(gs, 'validate', documentText, { model: m });
      if (other.ok) {
        v = other;
        model = m;
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
    ranking: rankedPreview(gs, documentText, model),
  };
}

/** The first five rows by the model that accepted the data (the document's own, else the one found). */
function rankedPreview(gs: GapscoreModule, documentText: string, model: string | null): RankedPreview | null {
  const r = runJson<{ model: string; variant: string; ranking: { rank: number; title: string; id: string; score: number }[] }>(
    gs, 'rank', documentText, model ? { model, top: 5 } : { top: 5 });
  if (!r.ok) return null;
  return { model: r.value.model, label: r.value.variant, rows: r.value.ranking.map((x) => ({ rank: x.rank, title: x.title || x.id, score: x.score })) };
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
