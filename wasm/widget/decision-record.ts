// The decision record out of the widget: the engine's `report` for what the reader sees now
// (the model chosen, the edits made), against the page's data when something was changed,
// as Markdown on the clipboard or as static HTML to download. The text is the engine's, the
// same bytes `gapscore report` prints for the same document.

import type { OutputHost } from './share-and-export';
import { isPristine } from './state';
import { download, fileStem } from './import';
import { engineErrors } from './module';

function reportText(host: OutputHost, format: 'markdown' | 'html', top: number): string | null {
  const s = host.session();
  if (!s) return null;
  const options: Record<string, unknown> = { format, model: s.model, top: Math.max(1, top) };
  // What changed against the page's data: only for edits made on it (not an imported document).
  if (s.state.document === null && !isPristine(s.state)) options.baseline = s.pageDocument;
  const r = host.gs().runWithStatus('report', s.currentJson(), JSON.stringify(options));
  if (r.exitCode !== 0) {
    const problem = engineErrors(r.output)[0];
    host.say(`The decision record could not be written: ${problem?.message ?? 'the engine refused it'}.`);
    return null;
  }
  return r.output;
}

/** What became of "Copy as Markdown": copied; or the text, when the browser refused the clipboard; or nothing (the engine refused, and said why). */
export type CopyResult = { copied: true } | { copied: false; text: string | null };

export async function copyMarkdown(host: OutputHost, top: number): Promise<CopyResult> {
  const text = reportText(host, 'markdown', top);
  if (text === null) return { copied: false, text: null };
  try {
    await navigator.clipboard.writeText(text);
    host.say('Decision record copied as Markdown.');
    return { copied: true };
  } catch {
    return { copied: false, text }; // no clipboard permission (file://, a frame): the dialog shows it to copy
  }
}

export function exportHtml(host: OutputHost, top: number): void {
  const text = reportText(host, 'html', top);
  if (text === null) return;
  const s = host.session()!;
  const title = String(s.document.title ?? host.key());
  const page = `<!doctype html>\n<html lang="en">\n<meta charset="utf-8">\n<title>Decision record</title>\n${text}</html>\n`;
  download(page, `${fileStem(title)}-decision-record.html`, 'text/html');
}
