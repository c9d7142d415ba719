// The agent pages: { path, nav (label in the navigation, optional), title, render(params) }.
// The fixed paths come before the patterns they would otherwise match (performers/new before performers/:id).
import { html } from 'lit';
import './performers.js';
import './performer-form.js';
import './performer.js';
import './grant-form.js';

export const routes = [
  { path: 'agent/performers', nav: 'Performers', title: 'Performers',
    render: () => html`<dg-agent-performers></dg-agent-performers>` },
  { path: 'agent/performers/new', title: 'Add a performer',
    render: () => html`<dg-agent-performer-form></dg-agent-performer-form>` },
  { path: 'agent/performers/:id', title: 'Performer',
    render: ({ id }) => html`<dg-agent-performer .performerId=${id}></dg-agent-performer>` },
  { path: 'agent/performers/:id/edit', title: 'Edit performer',
    render: ({ id }) => html`<dg-agent-performer-form .performerId=${id}></dg-agent-performer-form>` },
  { path: 'agent/performers/:id/grants/new', title: 'Record a grant',
    render: ({ id }) => html`<dg-agent-grant-form .performerId=${id}></dg-agent-grant-form>` },
  { path: 'agent/grants/new', nav: 'Record a grant', title: 'Record a grant',
    render: () => html`<dg-agent-grant-form></dg-agent-grant-form>` },
];
