import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { DgElement } from '../base.js';
import { addValues, entryErrors } from './grant-model.js';

// The same id scheme as DgPage.fieldError, so a message rendered here is the one the form links to.
const errorId = (name) => `error-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/**
 * Several values of one grant field (titles, languages, territories) entered one by one or several at
 * once, shown as a list with a Remove button each. The input's name is the API field ("titles") and
 * each entry's button is named like the API's indexed errors ("titles[1]"), so a server message shows
 * next to the value it is about.
 *
 * Fires `values-changed` with the new list as detail.
 */
export class DgAgentValues extends DgElement {
  static properties = {
    name: {},
    label: {},
    noun: {},
    hint: {},
    values: { attribute: false },
    suggestions: { attribute: false },
    errors: { attribute: false },
    normalize: { attribute: false },
    describe: { attribute: false },
    pending: { state: true },
  };

  constructor() {
    super();
    this.values = [];
    this.suggestions = [];
    this.pending = '';
    this.normalize = (v) => v;
    this.describe = (v) => v;
  }

  /** Adds what is typed but not yet added (the form calls it before sending); returns the list. */
  commit() {
    if (this.pending.trim()) this.change(addValues(this.values, this.pending, this.normalize));
    this.pending = '';
    return this.values;
  }

  change(values) {
    this.values = values;
    this.dispatchEvent(new CustomEvent('values-changed', { detail: values, bubbles: true }));
  }

  remove(value) {
    this.change(this.values.filter((v) => v !== value));
    this.querySelector('input')?.focus();
  }

  onKey(event) {
    // Enter adds the value instead of sending the whole form
    if (event.key === 'Enter') {
      event.preventDefault();
      this.commit();
    }
  }

  render() {
    const id = `dg-agent-values-${this.name}`;
    const { field, entries } = entryErrors(this.errors, this.name);
    const hintId = this.hint ? `${id}-hint` : undefined;
    const describedBy = [hintId, field ? errorId(this.name) : undefined].filter(Boolean).join(' ') || undefined;
    return html`<div class="dg-agent-values">
      <label for=${id}>${this.label}</label>
      ${this.hint ? html`<p class="hint" id=${hintId}>${this.hint}</p>` : nothing}
      ${this.values.length ? html`<ul class="dg-agent-chips" aria-label=${`${this.label}: added`}>
        ${this.values.map((v, i) => {
          const name = `${this.name}[${i}]`;
          return html`<li><span>${this.describe(v)}</span>
            <button type="button" class="secondary" name=${name} aria-label=${`Remove ${v}`}
              aria-describedby=${ifDefined(entries[i] ? errorId(name) : undefined)}
              @click=${() => this.remove(v)}>Remove</button>
            ${entries[i] ? html`<p class="field-error" id=${errorId(name)}>${entries[i]}</p>` : nothing}</li>`;
        })}
      </ul>` : html`<p class="hint">None added yet.</p>`}
      <div class="dg-agent-add">
        <input id=${id} name=${this.name} list=${`${id}-list`} autocomplete="off" .value=${this.pending}
          aria-describedby=${ifDefined(describedBy)} aria-invalid=${field ? 'true' : 'false'}
          @input=${(e) => { this.pending = e.target.value; }} @keydown=${this.onKey}>
        <button type="button" class="secondary" @click=${() => this.commit()}>Add ${this.noun}</button>
      </div>
      <datalist id=${`${id}-list`}>
        ${this.suggestions.map((s) => html`<option value=${s.value}>${s.label ?? s.value}</option>`)}
      </datalist>
      ${field ? html`<p class="field-error" id=${errorId(this.name)}>${field}</p>` : nothing}
    </div>`;
  }
}
customElements.define('dg-agent-values', DgAgentValues);
