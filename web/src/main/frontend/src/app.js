import { html, nothing } from 'lit';
import { DgPage } from './ui/page.js';
import * as api from './api.js';
import { currentPath, resolve, navigate } from './router.js';
import { routes as agentRoutes } from './agent/routes.js';
import { routes as managerRoutes } from './manager/routes.js';
import { routes as qaRoutes } from './qa/routes.js';
import { routes as adminRoutes } from './admin/routes.js';

/** Each role's pages; a route's `nav` label puts it in the navigation of callers with that role. */
export const SECTIONS = [
  { role: 'agent', title: 'Talent agent', routes: agentRoutes },
  { role: 'manager', title: 'Localization manager', routes: managerRoutes },
  { role: 'qa', title: 'QA review', routes: qaRoutes },
  { role: 'admin', title: 'Administration', routes: adminRoutes },
];

/** The navigation a caller with these roles sees. */
export function navigationFor(roles) {
  return SECTIONS.filter((s) => roles.includes(s.role))
    .map((s) => ({ ...s, links: s.routes.filter((r) => r.nav).map((r) => ({ path: r.path, label: r.nav })) }));
}

/** The shell: sign-in, who is signed in, role-aware navigation and the page of the current route. */
export class DgApp extends DgPage {
  static properties = {
    ...DgPage.properties,
    me: { state: true },
    expired: { state: true },
    path: { state: true },
    checked: { state: true },
  };

  constructor() {
    super();
    this.path = currentPath();
    this.onHash = () => { this.path = currentPath(); };
    // a session that ends under an open page keeps the page (and what was typed into it) behind the sign-in
    this.onUnauthorized = () => { if (this.me) this.expired = true; };
  }

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
    window.addEventListener('dg-unauthorized', this.onUnauthorized);
    api.whoAmI().then((me) => { this.me = me; }, () => { this.me = null; }).finally(() => { this.checked = true; });
  }

  disconnectedCallback() {
    window.removeEventListener('hashchange', this.onHash);
    window.removeEventListener('dg-unauthorized', this.onUnauthorized);
    super.disconnectedCallback();
  }

  updated(changed) {
    document.title = `dubgate${this.pageTitle ? ` — ${this.pageTitle}` : ''}`;
    // another page: focus goes to its content, where a screen reader reads on, not back to the top
    if (changed.has('path') && changed.get('path') !== undefined) this.querySelector('#main')?.focus();
    if (changed.has('expired') && this.expired) this.querySelector('#username')?.focus();
  }

  async signIn(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const opened = await this.act('Signing in', () => api.signIn(form.get('username'), form.get('password')));
    if (opened) {
      // the token stays in the HttpOnly cookie only: a script on the page has no copy to read
      const { token, expiresAt, ...me } = opened;
      const sameUser = this.me?.username === me.username;
      this.me = me;
      this.expired = false;
      if (!sameUser && this.path) navigate('');
      if (!this.path || !sameUser) this.goHome();
    }
  }

  async signOut() {
    await this.act('Signing out', () => api.signOut());
    this.me = null;
    this.expired = false;
    navigate('');
  }

  goHome() {
    const first = navigationFor(this.me.roles)[0]?.links[0];
    if (first) navigate(first.path);
  }

  render() {
    if (!this.checked) return html`<main id="main"><p role="status">Loading…</p></main>`;
    if (!this.me) return this.signInView();
    const nav = navigationFor(this.me.roles);
    const allowed = SECTIONS.filter((s) => this.me.roles.includes(s.role)).flatMap((s) => s.routes);
    const found = resolve(allowed, this.path);
    if (!found && !this.path && nav[0]) queueMicrotask(() => this.goHome());
    this.pageTitle = found?.route.title ?? found?.route.nav ?? '';
    return html`
      <a class="skip" href="#main" @click=${(e) => { e.preventDefault(); this.querySelector('#main')?.focus(); }}>Skip to content</a>
      <header class="top">
        <span class="brand">dubgate</span>
        <nav aria-label="Main">
          ${nav.map((s) => html`<div class="nav-section"><span class="nav-title">${s.title}</span>
            <ul>${s.links.map((l) => html`<li><a href="#/${l.path}"
              aria-current=${this.path === l.path || this.path.startsWith(`${l.path}/`) ? 'page' : 'false'}>${l.label}</a></li>`)}</ul></div>`)}
        </nav>
        <div class="who" data-testid="who">
          <span>Signed in as <strong>${this.me.username}</strong>
            (${this.me.roles.join(', ')}${this.me.agency ? html`, agency ${this.me.agency}` : nothing})</span>
          <button type="button" class="secondary" @click=${this.signOut}>Sign out</button>
        </div>
      </header>
      ${this.progressView()}
      ${this.expired ? this.signInView(true) : nothing}
      <main id="main" tabindex="-1" ?inert=${this.expired}>
        ${found ? found.route.render(found.params) : html`<h1>Not found</h1>
          <p>There is no page at “${this.path}” for your roles. Choose one from the navigation.</p>`}
      </main>`;
  }

  /** The sign-in form: the whole page, or (`again`) above the page whose session ended, which it keeps. */
  signInView(again = false) {
    const intro = again
      ? html`<h2>Your session has ended</h2><p>Sign in again to go on; the page below keeps what you entered.</p>`
      : html`<h1>dubgate</h1><p>Localization and AI dubbing under recorded performer consent.</p>`;
    return again ? html`<section class="sign-in again" aria-label="Sign in again">${this.signInForm(intro)}</section>`
      : html`<main id="main" class="sign-in">${this.signInForm(intro)}</main>`;
  }

  signInForm(intro) {
    return html`${intro}
      <form @submit=${this.signIn} aria-label="Sign in">
        <label for="username">User name</label>
        <input id="username" name="username" autocomplete="username" required>
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required>
        <button type="submit" ?disabled=${!!this.working}>Sign in</button>
      </form>
      ${this.progressView()}
      ${this.error ? html`<p class="problem" role="alert">${this.error.status === 401
        ? 'That user name and password do not match an enabled account.' : this.error.message}</p>` : nothing}`;
  }
}
customElements.define('dg-app', DgApp);
