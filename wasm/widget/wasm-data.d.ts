// Written by wasm/widget/build.mjs at bundle time: the engine's WebAssembly binary,
// deflated and base64-encoded ("" when the module file could not be unpacked, in which
// case the module's own inlined copy is used).
declare module 'gapscore:wasm-data' {
  export const WASM_DEFLATED: string;
}
