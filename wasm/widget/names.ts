// The widget's accessible name, and the names of its parts made from it ("Scenario tools,
// Team backlog"): two widgets on one page must not both offer "Views". The name is the
// element's `label` attribute, else the document's title; a name another widget on the page
// already has gets a number ("… (2)").

/** The names in use on this page, by widget. */
const taken = new Map<Element, string>();

export function widgetName(host: Element, title: string): string {
  const base = host.getAttribute('label')?.trim() || title || 'Backlog';
  taken.delete(host);
  for (const [other] of taken) if (!other.isConnected) taken.delete(other);
  const used = new Set(taken.values());
  let name = base;
  for (let k = 2; used.has(name); k++) name = `${base} (${k})`;
  taken.set(host, name);
  return name;
}

/** Names the widget's region, tools and tab list after `name`. */
export function applyName(root: ShadowRoot, name: string): void {
  const region = root.querySelector('.gs-root');
  region?.setAttribute('role', 'region');
  region?.setAttribute('aria-label', name);
  root.querySelector('.gs-tools')?.setAttribute('aria-label', `Scenario tools, ${name}`);
  root.querySelector('.gs-tabs')?.setAttribute('aria-label', `Views, ${name}`);
}
