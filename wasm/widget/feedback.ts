// What the widget tells people and the page: a status line, problems shown with the data
// they concern, and a gapscore-error event. A failure before any data loaded also ends the
// wait (the loading note goes, `ready` resolves), because nothing else will.

import type { MessageArea, ShownProblem } from './messages';
import type { Problem } from './module-types';
import type { Session } from './session';
import { GapScoreErrorEvent } from './events';

export interface FeedbackHost {
  /** Where gapscore-error is dispatched: the element. */
  target: EventTarget;
  session(): Session | null;
  /** Nothing loaded and nothing will: stop showing "Loading…" and resolve `ready`. */
  gaveUp(): void;
}

export class Feedback {
  constructor(
    readonly messages: MessageArea,
    private readonly host: FeedbackHost,
  ) {}

  say(text: string): void {
    this.messages.say(text);
  }

  clearErrors(): void {
    this.messages.clearErrors();
  }

  /** Problems that are not a failed action (saved edits that could not be used, say): shown, and the event. */
  problems(during: string, heading: string, problems: Problem[]): void {
    this.messages.problems(heading, problems);
    this.report(during, problems);
  }

  /** A problem the widget shows in a notice of its own (notices.ts): only the event. */
  report(during: string, problems: Problem[]): void {
    this.host.target.dispatchEvent(new GapScoreErrorEvent({ during, errors: problems.map(({ path, message, code }) => ({ path, message, ...(code ? { code } : {}) })) }));
  }

  /**
   * Something could not be loaded or applied. `keep` says what stayed as it was; `doc` names
   * the items in the problems' paths (default: the document on screen).
   */
  fail(during: string, heading: string, problems: ShownProblem[], keep = '', doc?: unknown): void {
    const s = this.host.session();
    // Before any data is on screen this is the whole widget: nothing to dismiss it back to, and
    // a problem repeated on every item (a misspelt field) is said once.
    this.messages.problems(heading, problems, (doc ?? s?.document) as never, keep, { group: true, dismissable: !!s?.loaded });
    if (!s?.loaded) this.host.gaveUp();
    const errors = problems.map(({ path, message, code, suggestion }) => ({ path, message, ...(code ? { code } : {}), ...(suggestion ? { suggestion } : {}) }));
    this.host.target.dispatchEvent(new GapScoreErrorEvent({ during, errors }));
  }
}
