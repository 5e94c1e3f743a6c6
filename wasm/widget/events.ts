// Events the element dispatches. Both bubble and cross the shadow boundary (composed), so
// a page can listen on the element or on document.

export interface ChangeDetail {
  /** The model that ranked the items. */
  model: string;
  /** Item ids, best first. */
  order: string[];
}

/** The ranking settled after a load or a change (not on every frame of a slider drag). */
export class GapScoreChangeEvent extends CustomEvent<ChangeDetail> {
  static readonly type = 'gapscore-change';
  constructor(detail: ChangeDetail) {
    super(GapScoreChangeEvent.type, { detail, bubbles: true, composed: true });
  }
}

export interface ErrorDetail {
  /** What failed: "load", "edit", "import", "link"; "save" (storage cannot keep the edits), "engine" (the engine stopped). */
  during: string;
  /**
   * Each problem's `code` is stable (docs/format.md "Problem codes"; the widget's own in
   * docs/embedding.md): match it, not the message. An unknown field's also has `suggestion`.
   */
  errors: { path: string; message: string; code?: string; suggestion?: string }[];
}

/** Something could not be loaded or applied; the previous state is kept. */
export class GapScoreErrorEvent extends CustomEvent<ErrorDetail> {
  static readonly type = 'gapscore-error';
  constructor(detail: ErrorDetail) {
    super(GapScoreErrorEvent.type, { detail, bubbles: true, composed: true });
  }
}
