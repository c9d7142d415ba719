import { keyed } from 'lit/directives/keyed.js';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { DgPage } from '../ui/page.js';
import * as api from '../api.js';
import { joinIds, readForm, userBody } from './forms.js';
import { roleFields } from './role-fields.js';

/** Creating a user: username, password, roles and (for agents) the agency. Fires `created`. */
export class DgAdminUserCreate extends DgPage {
  static properties = { ...DgPage.properties, round: { state: true }, roles: { state: true }, created: { state: true } };

  constructor() {
    super();
    this.roles = [];
  }

  async submit(event) {
    event.preventDefault();
    const body = userBody(readForm(new FormData(event.target), ['roles']));
    const user = await this.act(`Creating user ${body.username ?? ''}`, () => api.post('/users', body));
    if (user) {
      this.created = user;
      // a fresh form (keyed): reset() would leave the bound checkboxes and radios out of step
      this.round = (this.round ?? 0) + 1;
      this.roles = [];
      this.dispatchEvent(new CustomEvent('created', { detail: user, bubbles: true }));
    }
  }

  field(name, label, attrs = {}) {
    const id = `dg-admin-user-create-${name}`;
    return html`<label for=${id}>${label}</label>
      <input id=${id} name=${name} type=${attrs.type ?? 'text'} autocomplete=${attrs.autocomplete ?? 'off'} required
        aria-invalid=${this.invalid(name)} aria-describedby=${ifDefined(joinIds(this.describedBy(name), attrs.hint && `${id}-hint`))}>
      ${attrs.hint ? html`<p class="hint" id=${`${id}-hint`}>${attrs.hint}</p>` : ''}
      ${this.fieldError(name)}`;
  }

  render() {
    return html`${keyed(this.round, html`<form @submit=${this.submit} aria-label="Create a user" novalidate>
      ${this.field('username', 'User name', { hint: "3 to 64 characters: lower-case letters, digits, '.', '_' or '-'" })}
      ${this.field('password', 'Initial password', { type: 'password', autocomplete: 'new-password',
        hint: 'At least 12 characters. Tell the user in person; they can change it.' })}
      ${roleFields(this, 'dg-admin-user-create', { roles: this.roles, onRoles: (r) => { this.roles = r; } })}
      <div class="actions"><button type="submit" ?disabled=${!!this.working}>Create the user</button></div>
    </form>`)}
    ${this.progressView()}
    ${this.problemView()}
    ${this.created && !this.error ? html`<p class="notice" role="status">Created user <strong>${this.created.username}</strong>
      (${this.created.roles.join(', ')}).</p>` : ''}`;
  }
}
customElements.define('dg-admin-user-create', DgAdminUserCreate);
