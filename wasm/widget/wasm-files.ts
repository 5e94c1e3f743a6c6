// The split widget's WebAssembly files (dist/split/): where they are, and fetching and
// compiling them while they download.
//
// Each file is looked for beside the widget script (its own URL, read while it runs), unless
// the page says otherwise, for hosts that rename or move attachments:
//   <script src=".../gapscore-widget.js" data-gapscore-engine-wasm="URL" data-gapscore-wasm="URL">
// or, before the script, a global naming files (or a folder holding both):
//   window.GAPSCORE_WASM = { 'gapscore-engine.wasm': 'URL', 'gapscore.wasm': 'URL' }
//   window.GAPSCORE_WASM = 'https://example.com/assets/gapscore/'
// Addresses in an attribute or the global are relative to the page, like the src attribute.
// Beside the script, a file's address carries its content's hash (?v=..., written by
// wasm/widget/build.mjs): a script only ever asks for the wasm built with it, so the
// browser's cached copy is used without asking the server again (a revisit saves a round trip).
//
// WebAssembly.compileStreaming compiles while the bytes arrive, and lets the browser keep the
// compiled code with its cached copy of the file for the next visit. It needs the server to
// send Content-Type: application/wasm; with another type (wiki attachment stores send
// application/octet-stream), or when streaming fails for any other reason, the bytes are
// compiled once they are all here. Either way the page's CSP needs 'wasm-unsafe-eval' in
// script-src and lets connect-src reach the file ('self' does, beside the script).

declare global {
  interface Window {
    GAPSCORE_WASM?: string | Record<string, string>;
  }
}

/** The hash of each wasm file's content, by file name (wasm/widget/build.mjs). */
declare const __GAPSCORE_WASM_VERSIONS__: Record<string, string> | undefined;

/** The script element running now (the widget's), while it runs; later currentScript is gone. */
const script = typeof document !== 'undefined' && document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;

/** Where a wasm file is fetched from. */
export interface WasmLocation {
  url: string;
  /** Beside the script, with its content's hash in the address: a cached copy is always right. */
  immutable: boolean;
}

/** Where `file` ("gapscore-engine.wasm") is: the script's attribute, the global, else beside the script. */
export function wasmLocation(file: string): WasmLocation {
  const page = typeof document !== 'undefined' ? document.baseURI : '';
  const attribute = script?.getAttribute(`data-${file.replace(/\.wasm$/, '')}-wasm`);
  if (attribute) return { url: new URL(attribute, page).href, immutable: false };
  const configured = typeof window !== 'undefined' ? window.GAPSCORE_WASM : undefined;
  if (typeof configured === 'string' && configured) return { url: new URL(file, new URL(configured, page)).href, immutable: false };
  if (configured && typeof configured === 'object' && typeof configured[file] === 'string') return { url: new URL(configured[file], page).href, immutable: false };
  const url = new URL(file, script?.src || page);
  const version = typeof __GAPSCORE_WASM_VERSIONS__ === 'object' ? __GAPSCORE_WASM_VERSIONS__[file] : undefined;
  if (version) url.searchParams.set('v', version);
  return { url: url.href, immutable: !!version };
}

/** Why a file could not be fetched, for people: its name and address, and what to check. */
function fetchProblem(file: string, url: string, why: string): Error {
  const fromDisk = url.startsWith('file:') ? ' Pages opened from disk (file://) cannot fetch files: use the single-file widget, dist/gapscore-widget.js.' : '';
  return new Error(`could not fetch ${file} from ${url} (${why}). It belongs beside gapscore-widget.js, or where data-${file.replace(/\.wasm$/, '')}-wasm or GAPSCORE_WASM says (embedding.md).${fromDisk}`);
}

async function fetchOk(file: string, { url, immutable }: WasmLocation): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', cache: immutable ? 'force-cache' : 'default' });
  } catch (error) {
    throw fetchProblem(file, url, String((error as Error)?.message ?? error));
  }
  if (!response.ok) throw fetchProblem(file, url, `${response.status} ${response.statusText}`.trim());
  return response;
}

const isWasmType = (r: Response) => (r.headers.get('Content-Type') ?? '').split(';')[0].trim().toLowerCase() === 'application/wasm';

/**
 * Fetches and compiles `file` from where it is: streaming when the server sends application/wasm,
 * else (or when streaming fails) from its bytes, fetched again (from the browser's cache).
 */
export async function compileWasm(file: string, where: WasmLocation): Promise<WebAssembly.Module> {
  const response = await fetchOk(file, where);
  if (isWasmType(response) && typeof WebAssembly.compileStreaming === 'function') {
    try {
      return await WebAssembly.compileStreaming(response);
    } catch {
      // compiled from the bytes below; a refusal (CSP) fails there the same way
    }
    return WebAssembly.compile(await (await fetchOk(file, where)).arrayBuffer());
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

/** Emscripten's module factory (the glue), given an instantiateWasm hook. */
export type GlueFactory = (options?: object) => Promise<unknown>;

/**
 * Instantiates a compiled module through its Emscripten glue: the glue asks for the instance
 * (instantiateWasm) instead of fetching anything, then starts the runtime (Embind registers
 * the classes). Rejects when the instance cannot be made.
 */
export async function instantiateWith<T>(factory: GlueFactory, compiled: Promise<WebAssembly.Module>): Promise<T> {
  const module = await compiled;
  let fail: (error: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  const created = factory({
    instantiateWasm(imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) {
      WebAssembly.instantiate(module, imports).then((instance) => done(instance, module), fail);
      return {};
    },
  });
  return Promise.race([created, failed]) as Promise<T>;
}
