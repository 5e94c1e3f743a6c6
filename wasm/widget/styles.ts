// The widget's stylesheet, adopted into its shadow root (constructable stylesheets are not
// inline styles, so a page's style-src CSP does not block them). Every colour and the font
// are custom properties the host page can override: gap-score { --gs-accent: #c00; }.

export const css = /* css */ `
:host {
  --gs-font: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  --gs-bg: #ffffff;
  --gs-fg: #1f2328;
  --gs-muted: #656d76;
  --gs-border: #d0d7de;
  --gs-accent: #0969da;
  --gs-accent-fg: #ffffff;
  --gs-up: #1a7f37;
  --gs-down: #cf222e;
  --gs-radius: 6px;
  --gs-part-0: #4c78a8; --gs-part-1: #f58518; --gs-part-2: #54a24b; --gs-part-3: #b279a2;
  --gs-part-4: #e45756; --gs-part-5: #72b7b2; --gs-part-6: #eeca3b; --gs-part-7: #9d755d;
  --gs-bar: #4c78a8;
  /* Derived from the colours above, so a page that sets only --gs-bg and --gs-fg (say, a
     dark theme) gets matching buttons, hovers, messages and chart regions. */
  --gs-subtle: color-mix(in srgb, var(--gs-fg) 5%, var(--gs-bg));
  --gs-error-bg: color-mix(in srgb, var(--gs-down) 12%, var(--gs-bg));
  --gs-error-fg: color-mix(in srgb, var(--gs-down) 70%, var(--gs-fg));
  --gs-focus: var(--gs-accent);
  --gs-q-quick: color-mix(in srgb, var(--gs-up) 16%, var(--gs-bg));
  --gs-q-big: color-mix(in srgb, var(--gs-accent) 14%, var(--gs-bg));
  --gs-q-fill: var(--gs-subtle);
  --gs-q-pit: color-mix(in srgb, var(--gs-down) 12%, var(--gs-bg));
  display: block;
  font: 14px/1.45 var(--gs-font);
  color: var(--gs-fg);
  background: var(--gs-bg);
  border: 1px solid var(--gs-border);
  border-radius: var(--gs-radius);
  padding: 12px 14px;
  contain: content;
}
@media (prefers-color-scheme: dark) {
  :host {
    --gs-bg: #0d1117; --gs-fg: #e6edf3; --gs-muted: #9198a1; --gs-border: #3d444d;
    --gs-accent: #4493f8; --gs-accent-fg: #0d1117; --gs-up: #3fb950; --gs-down: #f85149;
  }
}
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
button, input, select, textarea { font: inherit; color: inherit; }
select { max-width: 100%; } /* an option's long name must not widen the widget on a phone */
:focus-visible { outline: 2px solid var(--gs-focus); outline-offset: 1px; }
.gs-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.gs-muted { color: var(--gs-muted); }
.gs-empty { color: var(--gs-muted); padding: 10px 4px; }
[hidden] { display: none !important; }

/* Header: title, model, views, tools */
.gs-head { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 14px; margin-bottom: 8px; }
.gs-head h2 { font-size: 15px; margin: 0; flex: 1 1 auto; min-width: 12em; }
.gs-model { display: flex; align-items: center; gap: 6px; }
.gs-model label { color: var(--gs-muted); }
select, .gs-btn, .gs-more, .gs-close, .gs-tab {
  background: var(--gs-subtle); border: 1px solid var(--gs-border); border-radius: var(--gs-radius);
  padding: 3px 9px; cursor: pointer;
}
.gs-btn:hover:not(:disabled), .gs-tab:hover { border-color: var(--gs-muted); }
.gs-btn:disabled { opacity: .45; cursor: default; }
.gs-btn.gs-primary { background: var(--gs-accent); color: var(--gs-accent-fg); border-color: var(--gs-accent); }
.gs-formula-line { color: var(--gs-muted); font-size: 12.5px; margin: -2px 0 8px; }
.gs-saved-note { font-size: 12.5px; margin: -4px 0 8px; }
.gs-linkbtn { background: none; border: 0; padding: 0; font: inherit; color: var(--gs-fg); text-decoration: underline; cursor: pointer; }
.gs-tools { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.gs-tools .gs-sep { width: 1px; align-self: stretch; background: var(--gs-border); margin: 0 2px; }
.gs-tabs { display: flex; gap: 4px; border-bottom: 1px solid var(--gs-border); margin: 6px 0 10px; flex-wrap: wrap; }
.gs-tab { border-bottom: none; border-radius: var(--gs-radius) var(--gs-radius) 0 0; background: transparent; margin-bottom: -1px; color: var(--gs-muted); }
.gs-tab[aria-selected="true"] { background: var(--gs-bg); border-color: var(--gs-border); border-bottom: 1px solid var(--gs-bg); color: var(--gs-fg); font-weight: 600; }

/* Messages */
.gs-status { min-height: 1.2em; color: var(--gs-muted); font-size: 12.5px; margin: 4px 0; }
.gs-error { background: var(--gs-error-bg); color: var(--gs-error-fg); border-radius: var(--gs-radius); padding: 8px 10px; margin: 6px 0; }
.gs-error p { margin: 0 0 4px; font-weight: 600; }
.gs-error ul { margin: 0; padding-left: 1.2em; }
.gs-error code { font-size: 12px; }
.gs-error a, .gs-warnings a { color: inherit; }
.gs-warnings { border: 1px solid color-mix(in srgb, var(--gs-accent) 40%, var(--gs-border)); background: color-mix(in srgb, var(--gs-accent) 6%, var(--gs-bg)); border-radius: var(--gs-radius); padding: 8px 10px; margin: 6px 0; }
.gs-warnings p { margin: 0 0 4px; font-weight: 600; }
.gs-warnings ul { margin: 0 0 6px; padding-left: 1.2em; }
.gs-warnings code, .gs-preview code { font-size: 12px; }
.gs-notice { border: 1px solid color-mix(in srgb, var(--gs-accent) 40%, var(--gs-border)); background: color-mix(in srgb, var(--gs-accent) 6%, var(--gs-bg)); border-radius: var(--gs-radius); padding: 8px 10px; margin: 6px 0; }
.gs-notice[data-notice="storage"], .gs-notice[data-notice="engine"] { border-color: color-mix(in srgb, var(--gs-down) 45%, var(--gs-border)); background: var(--gs-error-bg); }
.gs-notice p { margin: 0 0 4px; font-weight: 600; }
.gs-notice ul { margin: 0 0 4px; padding-left: 1.2em; }
.gs-notice .gs-actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
.gs-root [inert] { opacity: 0.55; }
/* The space the widget will take, kept while it loads, so the page below does not jump (issue 19). */
.gs-loading { color: var(--gs-muted); padding: 16px 0; box-sizing: border-box; min-height: var(--gs-loading-height, 600px); }

/* Weights */
.gs-weights { border: 1px solid var(--gs-border); border-radius: var(--gs-radius); padding: 6px 10px 8px; margin: 0 0 10px; }
.gs-weights legend { color: var(--gs-muted); padding: 0 4px; font-size: 12.5px; }
.gs-sliders { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 4px 20px; }
.gs-slider { display: grid; grid-template-columns: 1fr auto; align-items: baseline; gap: 0 8px; }
.gs-slider label { font-size: 13px; overflow-wrap: anywhere; }
.gs-slider input { grid-column: 1 / -1; width: 100%; margin: 2px 0 4px; accent-color: var(--gs-accent); }
.gs-wval { font-variant-numeric: tabular-nums; color: var(--gs-muted); font-size: 12.5px; text-align: right; }
.gs-cost { color: var(--gs-muted); font-size: 12px; }
.gs-presets { margin-top: 6px; display: flex; gap: 6px; align-items: center; color: var(--gs-muted); font-size: 12.5px; }

/* Table */
.gs-legend { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 12px; color: var(--gs-muted); margin-bottom: 4px; }
.gs-key { display: inline-flex; align-items: center; gap: 5px; }
.gs-sw { display: inline-block; width: 10px; height: 10px; border-radius: 2px; }
/* width 0 + min-width 100%: a wide table scrolls inside the widget instead of widening the page's column. */
.gs-scroll { overflow-x: auto; width: 0; min-width: 100%;
  /* A shadow at an edge with more table behind it: overlay scrollbars (phones, headless) show
     nothing until scrolled. The "local" covers move with the content and hide each shadow at
     its end; the "scroll" shadows stay at the box's edges. */
  background:
    linear-gradient(to right, var(--gs-bg) 30%, transparent) left / 24px 100% no-repeat local,
    linear-gradient(to left, var(--gs-bg) 30%, transparent) right / 24px 100% no-repeat local,
    radial-gradient(farthest-side at 0 50%, rgba(0,0,0,.22), transparent) left / 10px 100% no-repeat scroll,
    radial-gradient(farthest-side at 100% 50%, rgba(0,0,0,.22), transparent) right / 10px 100% no-repeat scroll;
}
/* A dialog's wide table (the explanation's terms on a phone) scrolls inside the body; the
   header with the title and Close stays put. */
.gs-dialog-body { overflow-x: auto; }
.gs-table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
.gs-table th, .gs-table td { padding: 3px 6px; border-bottom: 1px solid var(--gs-border); text-align: left; vertical-align: middle; }
.gs-table thead th { font-size: 12px; color: var(--gs-muted); font-weight: 600; white-space: nowrap; }
.gs-table tbody tr { cursor: pointer; }
.gs-table tbody tr:hover { background: var(--gs-subtle); }
.gs-table tr.gs-cut td, .gs-table tr.gs-cut th { border-bottom: 2px dashed var(--gs-accent); }
.gs-rank { width: 1%; text-align: right !important; color: var(--gs-muted); }
.gs-delta { width: 1%; min-width: 2.6em; font-size: 12px; white-space: nowrap; }
.gs-up { color: var(--gs-up); } .gs-down { color: var(--gs-down); } .gs-same { color: var(--gs-muted); }
th.gs-title { font-weight: normal; min-width: 14em; }
.gs-open { background: none; border: none; padding: 0; text-align: left; cursor: pointer; color: var(--gs-fg); overflow-wrap: anywhere; unicode-bidi: isolate; }
.gs-open:hover { text-decoration: underline; }
.gs-top .gs-open { font-weight: 600; }
.gs-moscow { font-size: 10.5px; line-height: 1.3; border-radius: 8px; padding: 0 5px; border: 1px solid var(--gs-border); color: var(--gs-muted); white-space: nowrap; }
.gs-m-must { border-color: var(--gs-down); color: var(--gs-down); }
.gs-in { width: 1%; white-space: nowrap; text-align: right !important; }
.gs-num { appearance: textfield; -moz-appearance: textfield; }
.gs-num::-webkit-inner-spin-button, .gs-num::-webkit-outer-spin-button { -webkit-appearance: none; margin: 0; }
.gs-num.gs-range { text-decoration: underline dotted var(--gs-muted); }
.gs-range-note { display: block; font-size: 11px; line-height: 1.2; color: var(--gs-muted); white-space: nowrap; }
.gs-field label .gs-range-note { display: inline; }
.gs-num { width: 6ch; min-width: 4.5ch; box-sizing: content-box; padding: 1px 4px; border: 1px solid transparent; border-radius: 4px; background: transparent; text-align: right; font-variant-numeric: tabular-nums; }
.gs-num:hover { border-color: var(--gs-border); }
.gs-num:focus { border-color: var(--gs-accent); background: var(--gs-bg); }
.gs-num.gs-edited { background: color-mix(in srgb, var(--gs-accent) 14%, transparent); }
.gs-score { text-align: right !important; width: 1%; white-space: nowrap; font-weight: 600; }
.gs-barcol { width: 13%; min-width: 70px; }
.gs-wide-bars .gs-barcol { width: 30%; }
.gs-bar { display: flex; height: 12px; width: 100%; background: var(--gs-subtle); border-radius: 3px; overflow: hidden; }
.gs-seg { display: block; height: 100%; }
.gs-px { background: var(--gs-bar); }
.gs-p0 { background: var(--gs-part-0); } .gs-p1 { background: var(--gs-part-1); } .gs-p2 { background: var(--gs-part-2); } .gs-p3 { background: var(--gs-part-3); }
.gs-p4 { background: var(--gs-part-4); } .gs-p5 { background: var(--gs-part-5); } .gs-p6 { background: var(--gs-part-6); } .gs-p7 { background: var(--gs-part-7); }
.gs-more { margin-top: 8px; }

/* Dialogs */
.gs-dialog { border: 1px solid var(--gs-border); border-radius: 10px; padding: 0; max-width: min(680px, 94vw); width: 100%;
  background: var(--gs-bg); color: var(--gs-fg); box-shadow: 0 12px 40px rgba(0,0,0,.25); }
.gs-dialog::backdrop { background: rgba(0,0,0,.35); }
.gs-dialog header { display: flex; align-items: start; gap: 10px; padding: 12px 16px 0; }
.gs-dialog h2 { font-size: 17px; margin: 0; flex: 1; overflow-wrap: anywhere; }
.gs-close { font-size: 18px; line-height: 1; padding: 2px 8px; }
.gs-dialog-body { padding: 8px 16px 16px; }
.gs-terms { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 13px; font-variant-numeric: tabular-nums; }
.gs-terms th, .gs-terms td { border-bottom: 1px solid var(--gs-border); padding: 3px 6px; text-align: left; }
.gs-terms thead th { color: var(--gs-muted); font-weight: 600; font-size: 12px; }
.gs-computation code { background: var(--gs-subtle); padding: 2px 6px; border-radius: 4px; overflow-wrap: anywhere; }
.gs-near { margin: 6px 0; padding-left: 1.2em; }
.gs-why { font-size: 15px; line-height: 1.45; margin: 0 0 8px; }
.gs-ex-h { font-size: 13px; margin: 12px 0 4px; color: var(--gs-muted); }
.gs-desc { overflow-wrap: anywhere; }
.gs-estimates { border: 1px solid var(--gs-border); border-radius: var(--gs-radius); display: flex; flex-wrap: wrap; gap: 8px 16px; padding: 8px 10px; }
.gs-estimates legend { color: var(--gs-muted); font-size: 12.5px; padding: 0 4px; }
.gs-field { display: flex; flex-direction: column; gap: 2px; font-size: 12.5px; }
.gs-field .gs-num { border-color: var(--gs-border); text-align: left; width: 8em; }
.gs-dialog textarea { width: 100%; min-height: 8em; font-family: ui-monospace, monospace; font-size: 12px; }
.gs-dialog .gs-actions { display: flex; gap: 8px; justify-content: flex-end; margin-top: 10px; flex-wrap: wrap; }
.gs-preview { font-size: 13px; }
.gs-preview ol { margin: 4px 0; padding-left: 1.6em; }
.gs-mapping { margin: 10px 0; font-size: 13px; }
.gs-mapping h4 { font-size: 14px; margin: 0 0 4px; }
.gs-mapping-table { border-collapse: collapse; width: 100%; margin: 6px 0; }
.gs-mapping-table th, .gs-mapping-table td { text-align: left; padding: 2px 6px 2px 0; border-bottom: 1px solid var(--gs-border); font-weight: normal; vertical-align: middle; }
.gs-mapping-table thead th { color: var(--gs-muted); font-size: 12px; }
.gs-mapping-table select { max-width: 16em; }
.gs-mapping-table .gs-sample { color: var(--gs-muted); overflow-wrap: anywhere; max-width: 14em; }
.gs-mapping-table tr.gs-needed th { font-weight: 600; }
.gs-copied { font-size: 13px; margin-top: 6px; }
.gs-scenario-list { list-style: none; padding: 0; margin: 8px 0; }
.gs-scenario-list li { display: flex; align-items: center; gap: 8px; padding: 4px 0; border-bottom: 1px solid var(--gs-border); }
.gs-scenario-list li span { flex: 1; overflow-wrap: anywhere; }
.gs-row { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.gs-row input[type="text"] { flex: 1; min-width: 10em; padding: 3px 6px; border: 1px solid var(--gs-border); border-radius: var(--gs-radius); background: var(--gs-bg); }

/* Compare */
.gs-compare-head { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin-bottom: 8px; }
.gs-direction { margin: 0 0 4px; font-size: 13px; }
.gs-chips { display: flex; flex-wrap: wrap; gap: 6px; margin: 6px 0 10px; }
.gs-chip { border-radius: 10px; padding: 1px 8px; font-size: 12.5px; border: 1px solid var(--gs-border); }
.gs-chip.gs-in-top { border-color: var(--gs-up); color: var(--gs-up); }
.gs-chip.gs-out-top { border-color: var(--gs-down); color: var(--gs-down); }
.gs-sides { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
.gs-sides h3 { font-size: 13px; margin: 0 0 4px; color: var(--gs-muted); }
.gs-sides ol { margin: 0; padding-left: 2em; }
.gs-sides li { padding: 2px 0; border-bottom: 1px solid var(--gs-border); overflow-wrap: anywhere; }
.gs-table tbody tr.gs-kept { border-top: 2px dashed var(--gs-border); } /* a focused row kept after the rows shown (table.ts) */
.gs-sides li.gs-entered { background: color-mix(in srgb, var(--gs-up) 12%, transparent); }
/* On a tinted row or box, the arrows and muted text lean toward the text colour: #1a7f37 on the
   green tint read 4.33:1 and the grey on the error box 4.31:1 (axe: under 4.5:1); in a dark theme the mix lightens them. */
.gs-sides li.gs-entered .gs-up { color: color-mix(in srgb, var(--gs-up) 75%, var(--gs-fg)); }
.gs-sides li.gs-left .gs-down { color: color-mix(in srgb, var(--gs-down) 75%, var(--gs-fg)); }
.gs-error .gs-muted { color: color-mix(in srgb, var(--gs-muted) 60%, var(--gs-fg)); }
.gs-sides li.gs-left { background: color-mix(in srgb, var(--gs-down) 10%, transparent); }
.gs-moves { margin-top: 12px; }
.gs-moves .gs-table tbody tr { cursor: default; }

/* Charts */
.gs-chart { width: 100%; height: auto; max-height: 520px; display: block; font-size: 11px; }
/* The 640-unit charts keep their labels at 9 px or more: narrower, they scroll (.gs-scroll). */
.gs-chart-wide { min-width: 560px; }
.gs-chart text { fill: var(--gs-fg); }
.gs-chart .gs-axis { stroke: var(--gs-muted); }
.gs-chart .gs-axis-label { fill: var(--gs-muted); font-size: 11px; }
.gs-chart .gs-q-label { font-weight: 600; font-size: 12px; fill: var(--gs-muted); }
.gs-chart .gs-dot { fill: var(--gs-accent); stroke: var(--gs-bg); stroke-width: 1.5; }
.gs-chart .gs-dot-label { font-size: 10.5px; paint-order: stroke; stroke: var(--gs-bg); stroke-width: 3px; stroke-linejoin: round; }
.gs-chart .gs-dot-count { font-size: 9.5px; font-weight: 700; fill: var(--gs-accent-fg); pointer-events: none; }
.gs-chart .gs-q-quick { fill: var(--gs-q-quick); } .gs-chart .gs-q-big { fill: var(--gs-q-big); }
.gs-chart .gs-q-fill { fill: var(--gs-q-fill); } .gs-chart .gs-q-pit { fill: var(--gs-q-pit); }
.gs-chart .gs-under { fill: color-mix(in srgb, var(--gs-down) 12%, transparent); }
.gs-chart .gs-extreme { fill: color-mix(in srgb, var(--gs-down) 22%, transparent); }
.gs-chart .gs-over { fill: color-mix(in srgb, var(--gs-accent) 10%, transparent); }
.gs-chart .gs-grid { stroke: var(--gs-border); stroke-dasharray: 3 3; }
.gs-quadrants { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 16px; font-size: 12.5px; margin-top: 8px; }
.gs-quadrants h3 { font-size: 12.5px; margin: 6px 0 2px; }
.gs-quadrants ul { margin: 0; padding-left: 1.2em; }
.gs-note { color: var(--gs-muted); font-size: 12.5px; }
.gs-outcomes tbody tr { cursor: default; }
.gs-outcomes td.gs-note { font-size: 12px; min-width: 12em; }
.gs-status { white-space: nowrap; }
.gs-st-extremely_underserved { color: var(--gs-down); font-weight: 600; } .gs-st-underserved { color: var(--gs-down); }
.gs-st-overserved { color: var(--gs-accent); }
.gs-chart .gs-st-extremely_underserved .gs-dot, .gs-chart .gs-st-underserved .gs-dot { fill: var(--gs-down); }
.gs-chart .gs-num-dot .gs-dot-count { font-size: 9px; }
.gs-boxed { border-color: var(--gs-border) !important; width: 8ch; }
.gs-sim-form { margin: 6px 0 8px; }
.gs-progress { display: flex; align-items: center; gap: 8px; color: var(--gs-muted); margin: 6px 0; }
.gs-progress progress { width: 12em; height: 8px; accent-color: var(--gs-accent); }
.gs-heatmap td.gs-heat { text-align: center; font-size: 11.5px; min-width: 2.2em; padding: 2px 3px;
  background: color-mix(in srgb, var(--gs-accent) calc(var(--p, 0) * 100%), transparent);
  color: var(--gs-fg); }
.gs-heatmap td.gs-heat-strong { color: var(--gs-accent-fg); }
.gs-heatmap th.gs-heat-h { text-align: center; }
.gs-heatmap th.gs-title { min-width: 10em; } /* twelve rank columns and three more fit 890 px (a 1280 px page) */
.gs-heatmap tbody tr { cursor: default; }
.gs-ptop { white-space: nowrap; font-size: 12.5px; }
.gs-bar-small { display: inline-flex; width: 50px; height: 8px; vertical-align: middle; }
.gs-sens tbody tr { cursor: default; }
.gs-band-cell { min-width: 160px; width: 30%; }
.gs-track { position: relative; display: block; height: 10px; background: var(--gs-subtle); border-radius: 5px; margin: 4px 0 2px; }
.gs-band { position: absolute; top: 0; bottom: 0; background: color-mix(in srgb, var(--gs-up) 35%, transparent); border-radius: 5px; }
.gs-band.gs-band-ordered { top: 2px; bottom: 2px; background: color-mix(in srgb, var(--gs-up) 75%, transparent); }
.gs-swaps, .gs-ordered { font-size: 12.5px; }
.gs-ordered { color: var(--gs-muted); }
.gs-mark { position: absolute; top: -3px; width: 3px; height: 16px; margin-left: -1px; background: var(--gs-fg); border-radius: 1px; }
.gs-range-text { font-size: 11.5px; color: var(--gs-muted); }
.gs-ag-head { margin: 4px 0 10px; }
.gs-ag-lead { margin: 4px 0 10px; }
.gs-ag-stats > summary { cursor: pointer; margin: 6px 0; }
.gs-ag-block { margin: 10px 0 14px; }
.gs-ag-block h3 { font-size: 13px; margin: 0 0 6px; }
.gs-diverge { display: grid; gap: 4px; }
.gs-dv-row { display: grid; grid-template-columns: minmax(8em, 12em) 1fr 5.5em; gap: 10px; align-items: center; font-size: 13px; }
.gs-dv-track { position: relative; height: 12px; background: var(--gs-subtle); border-radius: 3px; }
.gs-dv-zero { position: absolute; left: 50%; top: -2px; bottom: -2px; width: 1px; background: var(--gs-muted); }
.gs-dv-bar { position: absolute; top: 0; bottom: 0; border-radius: 3px; }
.gs-dv-pos { background: var(--gs-up); } .gs-dv-neg { background: var(--gs-down); }
.gs-dv-value { font-variant-numeric: tabular-nums; color: var(--gs-muted); font-size: 12.5px; }
.gs-pairs { width: auto; } .gs-pairs tbody tr { cursor: default; }
.gs-pair { text-align: center !important; min-width: 4.5em; font-size: 12.5px; }
.gs-agree { background: color-mix(in srgb, var(--gs-up) calc(var(--t, 0) * 45%), transparent); }
.gs-disagree { background: color-mix(in srgb, var(--gs-down) calc(var(--t, 0) * 45%), transparent); }
.gs-ev-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 8px 14px; margin: 8px 0; }
.gs-ev-outcome { margin: 0; } .gs-ev-outcome figcaption { font-size: 12.5px; }
.gs-ev-closed { font-weight: 600; margin-bottom: 2px; }
.gs-chart .gs-ev-line { fill: none; stroke: var(--gs-accent); stroke-width: 2; }
.gs-chart .gs-ev-marker { stroke: var(--gs-down); stroke-dasharray: 4 3; }
.gs-ev-items tbody tr { cursor: default; } .gs-ev-items .gs-ev-date { white-space: nowrap; }
.gs-ev-met .gs-ev-realized { color: var(--gs-up); } .gs-ev-missed .gs-ev-realized { color: var(--gs-down); }
.gs-ev-noise .gs-ev-realized { color: var(--gs-muted); font-style: italic; }
.gs-chart .gs-ev-margin { stroke: var(--gs-muted); stroke-width: 1.5; }
.gs-ev-interval { white-space: nowrap; font-variant-numeric: tabular-nums; font-size: 12.5px; }
.gs-ev-strip { display: block; margin-top: 2px; }
.gs-ev-strip .gs-ev-zero { stroke: var(--gs-muted); } .gs-ev-strip .gs-ev-range { fill: color-mix(in srgb, var(--gs-accent) 35%, transparent); }
.gs-ev-strip .gs-ev-predicted { stroke: var(--gs-fg); stroke-width: 2; } .gs-ev-strip .gs-ev-point { fill: var(--gs-accent); }
.gs-ev-noise .gs-ev-range { fill: var(--gs-subtle); stroke: var(--gs-muted); stroke-dasharray: 2 2; }
.gs-ev-next h3 { font-size: 13px; margin: 12px 0 4px; } .gs-ev-next ul { margin: 0; padding-left: 1.2em; font-size: 13px; }
/* Narrow widgets (a wiki sidebar, a phone): set by a ResizeObserver on the widget's own width. */
.gs-narrow .gs-sides, .gs-narrow .gs-quadrants { grid-template-columns: 1fr; }
.gs-narrow .gs-in { display: none; }
/* The ranking on a phone: titles wrap in the room there is, the bar keeps a short one. */
.gs-narrow .gs-table th.gs-title { min-width: 0; }
.gs-narrow .gs-barcol { min-width: 40px; }
/* Stacked rows (stack-table.ts): a row is a block, its title a line, its cells "Column: value" after it. */
.gs-narrow .gs-stack, .gs-narrow .gs-stack tbody, .gs-narrow .gs-stack tr { display: block; width: 100%; }
.gs-narrow .gs-stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.gs-narrow .gs-stack tr { padding: 6px 0; border-bottom: 1px solid var(--gs-border); }
.gs-narrow .gs-stack th, .gs-narrow .gs-stack td { display: inline-block; width: auto; border: 0; padding: 1px 12px 1px 0; min-width: 0; text-align: left !important; white-space: normal; vertical-align: top; }
.gs-narrow .gs-stack td > div { display: inline; margin-left: 4px; }
/* Sensitivity's lower/higher lines stay lines of their own when stacked. */
.gs-narrow .gs-stack.gs-sens td > div { display: block; margin-left: 0; }
.gs-narrow .gs-stack th[scope="row"] { display: block; }
.gs-narrow .gs-stack td[data-label]::before { content: attr(data-label) ": "; color: var(--gs-muted); font-size: 12px; font-weight: normal; }
.gs-narrow .gs-stack td.gs-rank::before { content: "#"; }
/* The heat map's rank cells stay a row of small squares, each under its rank. */
.gs-narrow .gs-stack td.gs-heat { width: 2.1em; padding: 1px 0; margin: 0 1px 1px 0; text-align: center !important; }
.gs-narrow .gs-stack td.gs-heat::before { content: attr(data-label); display: block; font-size: 10px; background: var(--gs-bg); color: var(--gs-muted); }
.gs-narrow .gs-dv-row { grid-template-columns: 1fr 6em; }
.gs-narrow .gs-dv-track { grid-column: 1 / -1; grid-row: 2; }
`;
