// Registers <gap-score> (the bundle's entry point), like relative-time-element's
// define file: a second copy of the script on the same page is harmless.
import { GapScoreElement } from './gap-score-element';

export { GapScoreElement };
export { GapScoreChangeEvent, GapScoreErrorEvent } from './events';

GapScoreElement.define();
