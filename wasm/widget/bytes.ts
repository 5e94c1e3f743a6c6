// Bytes <-> base64(url) and the browser's own (de)compression streams: used by share links,
// so no compression library ships in the widget.

export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Reads base64 or base64url (padding optional); throws on other characters. */
export function fromBase64(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_+/-]*=*$/.test(text)) throw new Error('not base64');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

type Stream = { readable: ReadableStream<Uint8Array>; writable: WritableStream<Uint8Array> };

async function pipe(bytes: Uint8Array, stream: Stream): Promise<Uint8Array> {
  const body = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(body).arrayBuffer());
}

export const canCompress = (): boolean => typeof CompressionStream === 'function';

export function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  return pipe(bytes, new CompressionStream('deflate-raw' as CompressionFormat) as unknown as Stream);
}

export function inflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  if (typeof DecompressionStream !== 'function') return Promise.reject(new Error('this browser has no DecompressionStream'));
  return pipe(bytes, new DecompressionStream('deflate-raw' as CompressionFormat) as unknown as Stream);
}
