// What leaves the widget: a share link (put in the address bar, and copied when the browser
// lets it) and the downloads of the current data (JSON) and of the whole ranking (CSV).

import type { GapscoreModule } from './module-types';
import type { DroppedEdit, Session } from './session';
import type { EditState } from './state';
import { writeShareLink } from './sharing';
import { download, fileStem } from './import';

export interface OutputHost {
  session(): Session | null;
  gs(): GapscoreModule;
  key(): string;
  /** The open tab: a link opens on it. */
  view(): string;
  say(text: string): void;
  /** The page holds the data (src or inline): a link need not carry it. */
  pageHoldsData?(): boolean;
}

export async function share(host: OutputHost): Promise<void> {
  const s = host.session();
  if (!s) return;
  let url: string;
  try {
    url = await writeShareLink(host.key(), { state: s.state, view: host.view() || null }, s.pageDocument, host.pageHoldsData?.() ?? false);
  } catch {
    // A page whose address cannot change (a sandboxed frame has no origin to write it under).
    host.say('This page does not let the widget put a link in its address: download the data instead (Import / export).');
    return;
  }
  let copied = false;
  try {
    await navigator.clipboard.writeText(url);
    copied = true;
  } catch {
    copied = false; // no clipboard permission (or file://): the address bar has it
  }
  // Inside a frame (a wiki preview, a sandbox) the address bar shows the outer page, not this link.
  const framed = window.top !== window;
  host.say(
    copied
      ? 'Link copied. It holds this view in the part after # that browsers never send to a server.'
      : framed
        ? 'The browser did not let the widget copy the link, and this page sits in a frame whose address is not shown: download the data instead (Import / export).'
        : 'The link is in the address bar: copy it from there. Nothing was sent anywhere.',
  );
}

export function exportJson(host: OutputHost): void {
  const s = host.session()!;
  download(s.currentJson(), `${fileStem(String(s.document.title ?? host.key()))}.json`, 'application/json');
}

/** Saved edits the page's data no longer takes (with the reason of each), and every saved edit: a file that keeps them. */
export function exportSavedEdits(host: OutputHost, dropped: DroppedEdit[], saved: EditState): void {
  const s = host.session();
  const file = {
    about: 'Edits a gapscore widget saved in this browser that the page’s data no longer takes ("not_applied", each with the reason), and every edit it saved ("saved").',
    storage_key: host.key(),
    not_applied: dropped.map((d) => ({ path: d.path, value: d.value, reason: d.problem })),
    saved,
  };
  download(JSON.stringify(file, null, 2), `${fileStem(String(s?.document.title ?? host.key()))}-saved-edits.json`, 'application/json');
}

export function exportCsv(host: OutputHost): void {
  const s = host.session()!;
  // Every item, as the table ranks them: a document's "top" only sets the cut line.
  const text = host.gs().run('rank', s.currentJson(), JSON.stringify({ model: s.model, format: 'csv', top: Math.max(1, s.size) }));
  download(text, `${fileStem(String(s.document.title ?? host.key()))}-${s.model}.csv`, 'text/csv');
}
