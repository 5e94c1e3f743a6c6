// Modules that exist only while wasm/widget/build.mjs bundles the widget (its esbuild plugin
// makes them from the packed WebAssembly modules, wasm/pack-module.mjs).

/** Emscripten's glue of the whole module (dist/gapscore.mjs without its wasm): the factory. */
declare module 'gapscore:full-glue' {
  const createGapscore: (options?: object) => Promise<unknown>;
  export default createGapscore;
}

/** Emscripten's glue of the first part (the Engine alone, wasm/CMakeLists.txt). */
declare module 'gapscore:engine-glue' {
  const createGapscore: (options?: object) => Promise<unknown>;
  export default createGapscore;
}

/** The whole module's wasm, deflated and base64-encoded (the single-file widget). */
declare module 'gapscore:full-wasm' {
  const deflatedBase64: string;
  export default deflatedBase64;
}

/** What commands() of the whole module answers (JSON text), known when bundling. */
declare module 'gapscore:commands' {
  const commandsJson: string;
  export default commandsJson;
}
