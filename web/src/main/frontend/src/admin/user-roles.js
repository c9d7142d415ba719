import { html } from 'lit';
import { DgPage } from '../ui/page.js';
import * as api from '../api.js';
import { readForm, rolesBody } from './forms.js';
import { roleFields } from './role-fields.js';

/** Changing one user's roles (and agency). Fires `saved` with the user, or `closed` on cancel. */
export class DgAdminUserRoles extends DgPage {
  static properties = { ...DgPage.properties, user: { attribute: false }, roles: { state: true } };

  willUpdate(changed) {
    if (changed.has('user') && this.user) this.roles = [...this.user.roles];
  }

  async submit(event) {
    event.preventDefault();
    const body = rolesBody(readForm(new FormData(event.target), ['roles']));
    const saved = await this.act(`Saving the roles of ${this.user.username}`,
      () => api.put(`/users/${this.user.id}/roles`, body));
    if (saved) this.dispatchEvent(new CustomEvent('saved', { detail: saved, bubbles: true }));
  }

  render() {
    const u = this.user;
    return html`<h3 id="dg-admin-user-roles-heading" tabindex="-1">Roles of ${u.username}</h3>
      <form @submit=${this.submit} aria-labelledby="dg-admin-user-roles-heading" novalidate>
        ${roleFields(this, 'dg-admin-user-roles', { roles: this.roles, agency: u.agency, onRoles: (r) => { this.roles = r; } })}
        <div class="actions">
          <button type="submit" ?disabled=${!!this.working}>Save roles</button>
          <button type="button" class="secondary" @click=${() => this.dispatchEvent(new CustomEvent('closed'))}>Cancel</button>
        </div>
      </form>
      ${this.progressView()}
      ${this.problemView()}`;
  }
}
customElements.define('dg-admin-user-roles', DgAdminUserRoles);
