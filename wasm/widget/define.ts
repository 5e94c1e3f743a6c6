// Registers <gap-score> (the bundle's entry point), like relative-time-element's
// define file: a second copy of the script on the same page is harmless.
// First of all, the engine starts on its way (fetched or unpacked, and compiled) while the
// rest of the script runs: the bundler's module file (inline-module.ts or split-module.ts,
// wasm/widget/build.mjs) does that as it is evaluated.
// @ts-ignore: resolved by the bundler, as in module.ts.
import '../../dist/gapscore.mjs';
import { GapScoreElement } from './gap-score-element';

export { GapScoreElement };
export { GapScoreChangeEvent, GapScoreErrorEvent } from './events';

GapScoreElement.define();
