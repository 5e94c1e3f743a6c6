// What leaves the widget: a share link (put in the address bar, and copied when the browser
// lets it) and the downloads of the current data (JSON) and of the whole ranking (CSV).

import type { GapscoreModule } from './module-types';
import type { Session } from './session';
import { writeShareLink } from './sharing';
import { download, fileStem } from './import';

export interface OutputHost {
  session(): Session | null;
  gs(): GapscoreModule;
  key(): string;
  /** The open tab: a link opens on it. */
  view(): string;
  say(text: string): void;
}

export async function share(host: OutputHost): Promise<void> {
  const s = host.session();
  if (!s) return;
  const url = await writeShareLink(host.key(), { state: s.state, view: host.view() || null }, s.pageDocument);
  let copied = false;
  try {
    await navigator.clipboard.writeText(url);
    copied = true;
  } catch {
    copied = false; // no clipboard permission (or file://): the address bar has it
  }
  host.say(
    copied
      ? 'Link copied. It holds this view in the part after # that browsers never send to a server.'
      : 'The link is in the address bar: copy it from there. Nothing was sent anywhere.',
  );
}

export function exportJson(host: OutputHost): void {
  const s = host.session()!;
  download(s.currentJson(), `${fileStem(String(s.document.title ?? host.key()))}.json`, 'application/json');
}

export function exportCsv(host: OutputHost): void {
  const s = host.session()!;
  // Every item, as the table ranks them: a document's "top" only sets the cut line.
  const text = host.gs().run('rank', s.currentJson(), JSON.stringify({ model: s.model, format: 'csv', top: Math.max(1, s.size) }));
  download(text, `${fileStem(String(s.document.title ?? host.key()))}-${s.model}.csv`, 'text/csv');
}
