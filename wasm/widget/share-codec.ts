// Share links: a JSON value, deflated with the browser's own CompressionStream
// ('deflate-raw', no library to ship) and base64url-encoded, carried in the URL fragment,
// which browsers never send to a server. Each widget owns one fragment parameter
// ("gs-<storage key>"), so two widgets on one page can share their views independently.
// Browsers without CompressionStream write (and everyone reads) the uncompressed form.

import { canCompress, deflateRaw, fromBase64, inflateRaw, toBase64Url } from './bytes';

const COMPRESSED = 'z';
const PLAIN = 'j';

export async function encodeShare(value: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  if (!canCompress()) return PLAIN + toBase64Url(bytes);
  return COMPRESSED + toBase64Url(await deflateRaw(bytes));
}

/** Decodes what encodeShare wrote; throws on anything else. */
export async function decodeShare(text: string): Promise<unknown> {
  const kind = text[0];
  let bytes = fromBase64(text.slice(1));
  if (kind === COMPRESSED) bytes = await inflateRaw(bytes);
  else if (kind !== PLAIN) throw new Error('unknown link format');
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
}

export function shareParam(storageKey: string): string {
  return `gs-${storageKey}`;
}

/** The widget's parameter from a fragment like "#gs-a=...&gs-b=...", or null. */
export function readFragment(hash: string, storageKey: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get(shareParam(storageKey));
}

/** A fragment with the widget's parameter set, other widgets' parameters kept. */
export function writeFragment(hash: string, storageKey: string, payload: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  params.set(shareParam(storageKey), payload);
  return '#' + params.toString();
}
