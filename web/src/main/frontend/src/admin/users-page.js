import { html, nothing } from 'lit';
import { DgPage } from '../ui/page.js';
import * as api from '../api.js';
import { dateTime } from '../ui/format.js';
import './user-create.js';
import './user-roles.js';

/** Users and roles: every account, creating one, changing roles, disabling and enabling. */
export class DgAdminUsers extends DgPage {
  static properties = { ...DgPage.properties, users: { state: true }, editing: { state: true }, notice: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  /** Only the latest of overlapping loads is shown (a creation may reload while the first load runs). */
  async load() {
    const round = (this.round = (this.round ?? 0) + 1);
    const users = await this.act('Loading users', () => api.all('/users'));
    if (users && round === this.round) this.users = users;
  }

  replace(user) {
    this.users = (this.users ?? []).map((u) => (u.id === user.id ? user : u));
  }

  async setEnabled(user, enabled) {
    const verb = enabled ? 'Enabling' : 'Disabling';
    const updated = await this.act(`${verb} ${user.username}`,
      () => api.post(`/users/${user.id}/${enabled ? 'enable' : 'disable'}`));
    if (updated) {
      this.replace(updated);
      this.notice = enabled ? `${updated.username} may sign in again.`
        : `${updated.username} is disabled: their sessions ended and they cannot sign in.`;
    }
  }

  async edit(user) {
    this.editing = user;
    this.notice = null;
    await this.updateComplete;
    this.querySelector('#dg-admin-user-roles-heading')?.focus();
  }

  saved(user) {
    this.replace(user);
    this.notice = `${user.username} now has the roles ${user.roles.join(', ')}${user.agency ? ` (agency ${user.agency})` : ''}.`;
    this.closeEditor(user);
  }

  async closeEditor(user) {
    this.editing = null;
    await this.updateComplete;
    // the editor is gone: back to the button that opened it, not to the top of the page
    this.querySelector(`button[aria-label="${CSS.escape(`Change roles of ${user.username}`)}"]`)?.focus();
  }

  render() {
    return html`<h1>Users and roles</h1>
      ${this.progressView()}
      ${this.problemView()}
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      <h2>Create a user</h2>
      <dg-admin-user-create @created=${() => this.load()}></dg-admin-user-create>
      <h2>Users</h2>
      ${this.users ? this.table() : nothing}`;
  }

  table() {
    if (!this.users.length) return html`<p>No users yet.</p>`;
    return html`<table>
      <thead><tr><th scope="col">User name</th><th scope="col">Roles</th><th scope="col">Agency</th>
        <th scope="col">State</th><th scope="col">Created</th><th scope="col">Actions</th></tr></thead>
      <tbody>${this.users.map((u) => html`<tr>
        <th scope="row">${u.username}</th>
        <td>${u.roles.join(', ')}</td>
        <td>${u.agency ?? ''}</td>
        <td class=${`state ${u.enabled ? 'ok' : 'bad'}`}>${u.enabled ? 'Enabled' : 'Disabled'}</td>
        <td>${dateTime(u.createdAt)}</td>
        <td><div class="actions">
          <button type="button" class="secondary" aria-label=${`Change roles of ${u.username}`}
            @click=${() => this.edit(u)}>Change roles</button>
          ${u.enabled
            ? html`<button type="button" class="secondary" aria-label=${`Disable ${u.username}`}
                ?disabled=${!!this.working} @click=${() => this.setEnabled(u, false)}>Disable</button>`
            : html`<button type="button" aria-label=${`Enable ${u.username}`}
                ?disabled=${!!this.working} @click=${() => this.setEnabled(u, true)}>Enable</button>`}
        </div></td>
      </tr>
      ${this.editing?.id === u.id ? html`<tr><td colspan="6">
        <dg-admin-user-roles .user=${this.editing} @saved=${(e) => this.saved(e.detail)}
            @closed=${() => this.closeEditor(u)}></dg-admin-user-roles></td></tr>` : nothing}`)}</tbody>
    </table>`;
  }
}
customElements.define('dg-admin-users', DgAdminUsers);
