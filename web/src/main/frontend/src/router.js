// Hash routes (#/agent/performers/42): the server serves one page and the API, nothing else.

/** Matches a path against a pattern like 'agent/performers/:id'; returns the parameters or null. */
export function match(pattern, path) {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) params[p[i].slice(1)] = decodeURIComponent(s[i]);
    else if (p[i] !== s[i]) return null;
  }
  return params;
}

/** The first route whose pattern matches, with its parameters. */
export function resolve(routes, path) {
  for (const route of routes) {
    const params = match(route.path, path);
    if (params) return { route, params };
  }
  return null;
}

export const currentPath = () => decodeURI(location.hash.replace(/^#\/?/, '').split('?')[0]);

export function navigate(path) {
  location.hash = `#/${path}`;
}
