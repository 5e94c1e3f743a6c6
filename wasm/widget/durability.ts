// What the widget does when a reader's edits cannot be kept or its engine stops (issue 23;
// docs/reliability.md, "The widget in the browser"): it owns the notices (notices.ts) and
// answers the edit controller's and the page loader's reports with them and with
// gapscore-error. A failed engine leaves the last good ranking in sight but inert, closes the
// dialogs, and is reloaded on the reader's word with the state that was on screen.

import type { EditController } from './edit-controller';
import { ENGINE_FAILED, unlessEngineFailed } from './engine-guard';
import type { Feedback } from './feedback';
import type { MessageArea } from './messages';
import type { Names } from './notices';
import { Notices } from './notices';
import type { OverPageValue } from './page-changes';
import type { PageLoader } from './page-loader';
import type { Merged } from './replica';
import type { Renderer } from './renderer';
import type { DroppedEdit } from './session';
import type { OutputHost } from './share-and-export';
import { exportJson, exportSavedEdits, share } from './share-and-export';
import type { Shell } from './shell';
import { pathKey } from './state';
import type { StorageProblem } from './store';

/** The parts it acts on; functions, because the element builds some of them after this one. */
export interface DurabilityHost {
  loader(): PageLoader;
  edits(): EditController;
  renderer(): Renderer;
  shell(): Shell;
  dialogs(): HTMLDialogElement[];
  feedback: Feedback;
  messages: MessageArea;
  outputs: OutputHost;
  /** Nothing loaded and the engine stopped: `ready` resolves (as after a failed first load). */
  gaveUp(): void;
}

export class Durability {
  readonly notices: Notices;
  /** Saved edits the data cannot take, as the loader last reported them. */
  private unappliedEdits: DroppedEdit[] = [];
  /** Saved values shown over a changed page, as the loader last reported them. */
  private overPage: OverPageValue[] = [];
  private readonly names: Names;

  constructor(private readonly host: DurabilityHost) {
    const session = () => host.loader().session;
    this.names = {
      item: (id) => {
        const i = session()?.indexOf(id) ?? -1;
        return i >= 0 ? session()!.titles[i] : null;
      },
      criterion: (id) => session()?.criteria().find((c) => c.id === id)?.name ?? null,
    };
    this.notices = new Notices({
      downloadJson: () => void unlessEngineFailed(() => exportJson(host.outputs)),
      share: () => void share(host.outputs),
      retrySave: () => {
        host.feedback.say('');
        const still = host.edits().retrySave();
        if (still) host.feedback.say(`Still not saved: ${still.message}.`);
      },
      reloadEngine: () => void this.reloadEngine(),
      downloadSaved: () => exportSavedEdits(host.outputs, this.unappliedEdits, host.edits().savedState()),
      forgetSaved: () => {
        host.edits().forgetSaved(this.unappliedEdits.map((d) => pathKey(d.path)));
        this.unapplied([], false);
      },
      usePageValues: () => {
        host.edits().usePageValues(this.overPage.map((v) => pathKey(v.path)));
        this.pageChanged([]);
      },
      keepMine: () => {
        host.edits().keepOverPage();
        this.pageChanged([]);
      },
    });
  }

  /** A save failed (the problem), or saves work again (null). */
  storage(problem: StorageProblem | null): void {
    const { feedback, messages } = this.host;
    this.notices.storage(problem);
    if (problem) feedback.report('save', [{ path: 'localStorage', code: problem.code, message: problem.message }]);
    // After the sentence of the change that saved ("Dark mode: Reach 7."), said once it returns.
    else queueMicrotask(() => feedback.say(`${messages.status.textContent ?? ''} Saved: your changes are kept in this browser again.`.trim()));
  }

  /** What another tab saved is on screen; values of this tab's it replaced are listed. */
  otherTab(merged: Merged): void {
    this.notices.otherTab(merged.replaced, this.names);
    this.host.feedback.say('Updated with changes saved in another tab.');
  }

  /** Saved edits the data cannot take (none: the notice goes). */
  unapplied(edits: DroppedEdit[], pageChanged: boolean): void {
    this.unappliedEdits = edits;
    this.notices.unapplied(edits, pageChanged, this.names);
  }

  /** Saved values shown instead of a changed page's (none: the notice goes). */
  pageChanged(values: OverPageValue[]): void {
    this.overPage = values;
    this.notices.pageChanged(values, this.names);
  }

  /** The engine stopped: say so, keep what is on screen in sight, and let nothing reach it. */
  engineFailed(): void {
    const { shell, renderer, dialogs, feedback, loader } = this.host;
    shell().body.inert = true;
    renderer().stop();
    for (const d of dialogs()) if (d.open) d.close();
    this.notices.engine('down');
    feedback.report('engine', [{ path: '', code: ENGINE_FAILED, message: 'the engine stopped (an internal error in gapscore); the edits are kept' }]);
    if (!loader().session?.loaded) {
      shell().loading.hidden = true;
      this.host.gaveUp();
    }
  }

  private async reloadEngine(): Promise<void> {
    this.notices.engine('reloading');
    if (!(await this.host.loader().reloadEngine())) return this.notices.engine('down');
    this.host.shell().body.inert = false;
    this.notices.engine(null);
    this.host.feedback.say('The engine was reloaded with your edits.');
  }
}
