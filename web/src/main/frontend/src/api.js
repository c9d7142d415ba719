// The portal's only way to the server: the REST API under /api/v1, with the session cookie.
// Every call sends X-Requested-With, which the server requires of cookie-authenticated changes (CSRF)
// and which keeps a 401 from opening the browser's own password dialog.

export const BASE = '/api/v1';
const HEADERS = { 'X-Requested-With': 'dubgate-portal', Accept: 'application/json, application/problem+json' };

/** A failed call: the RFC 9457 problem, and its field errors by field name for the forms. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
    this.fieldErrors = fieldErrors(this.problem);
  }
}

/** {field: message} from a problem's errors; several messages for one field are joined. */
export function fieldErrors(problem) {
  const byField = {};
  for (const e of problem?.errors ?? []) {
    if (!e.field) continue;
    byField[e.field] = byField[e.field] ? `${byField[e.field]}; ${e.message}` : e.message;
  }
  return byField;
}

/** A path with its query, leaving out empty parameters. */
export function withQuery(path, params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.append(k, v);
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

async function parse(response) {
  if (response.status === 204) return null;
  const type = response.headers.get('content-type') ?? '';
  const body = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    if (response.status === 401) window.dispatchEvent(new CustomEvent('dg-unauthorized'));
    throw new ApiError(response.status, typeof body === 'object' ? body : { detail: body });
  }
  return body;
}

export async function call(method, path, body, extraHeaders = {}) {
  const headers = { ...HEADERS, ...extraHeaders };
  const init = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  return parse(await fetch(BASE + path, init));
}

export const get = (path, params) => call('GET', withQuery(path, params));
export const post = (path, body, headers) => call('POST', path, body ?? {}, headers);
export const put = (path, body) => call('PUT', path, body);
export const del = (path) => call('DELETE', path);

/**
 * Every item of a cursor-paged list (PageResponse: items, next), 500 a page unless `params.limit` says
 * otherwise, up to `maxPages` pages; `items.truncated` is true when the list went on beyond them.
 */
export async function all(path, params = {}, maxPages = 20) {
  const items = [];
  items.truncated = false;
  let after;
  for (let i = 0; i < maxPages; i++) {
    const page = await get(path, { limit: 500, ...params, after });
    items.push(...page.items);
    if (!page.next) return items;
    after = page.next;
  }
  items.truncated = true;
  return items;
}

/**
 * Streams a file as the raw request body (the server reads it as a stream; no multipart), reporting
 * progress as a fraction. XMLHttpRequest because fetch cannot report upload progress.
 */
export function upload(path, file, params, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', BASE + withQuery(path, params));
    for (const [k, v] of Object.entries(HEADERS)) xhr.setRequestHeader(k, v);
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress?.(e.loaded / e.total);
    xhr.onload = () => {
      let body = null;
      try { body = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch { body = { detail: xhr.responseText }; }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.(1);
        resolve(body);
      } else {
        if (xhr.status === 401) window.dispatchEvent(new CustomEvent('dg-unauthorized'));
        reject(new ApiError(xhr.status, body));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, { detail: 'the connection to the server was lost during the upload' }));
    xhr.send(file);
  });
}

/** Checks the password once and opens a session; the server sets the HttpOnly session cookie. */
export function signIn(username, password) {
  const token = btoa(String.fromCharCode(...new TextEncoder().encode(`${username}:${password}`)));
  return call('POST', '/sessions', {}, { Authorization: `Basic ${token}` });
}

export const whoAmI = () => get('/sessions/current');
export const signOut = () => del('/sessions/current');
