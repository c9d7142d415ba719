import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ROLES } from './words.js';
import { joinIds } from './forms.js';

/**
 * The roles as checkboxes and, when "agent" is checked, the agency: shared by the create and the
 * change-roles forms. `page` is the DgPage whose error the field messages come from; `prefix` keeps
 * the ids unique; `onRoles` gets the checked roles so the page can show or hide the agency.
 */
export function roleFields(page, prefix, { roles, agency, onRoles }) {
  const changed = (e) => onRoles([...e.currentTarget.querySelectorAll('input[name="roles"]:checked')].map((i) => i.value));
  return html`
    <fieldset @change=${changed} aria-describedby=${ifDefined(page.describedBy('roles'))}>
      <legend>Roles</legend>
      ${ROLES.map((r) => html`<div>
        <input type="checkbox" id=${`${prefix}-role-${r.name}`} name="roles" value=${r.name}
          .checked=${roles.includes(r.name)} aria-invalid=${page.invalid('roles')}>
        <label for=${`${prefix}-role-${r.name}`}>${r.label}</label>
      </div>`)}
      ${page.fieldError('roles')}
    </fieldset>
    ${roles.includes('agent') ? html`
      <label for=${`${prefix}-agency`}>Agency</label>
      <input id=${`${prefix}-agency`} name="agency" .value=${agency ?? ''} required
        aria-invalid=${page.invalid('agency')} aria-describedby=${joinIds(page.describedBy('agency'), `${prefix}-agency-hint`)}>
      <p class="hint" id=${`${prefix}-agency-hint`}>An agent sees only this agency's performers and grants.</p>
      ${page.fieldError('agency')}` : nothing}`;
}
