import { html } from 'lit';
import './users-page.js';
import './models-page.js';
import './model-register.js';
import './model-page.js';
import './approvals-page.js';
import './ledger-page.js';

// The admin pages: { path, nav (label in the navigation, optional), title, render(params) }.
export const routes = [
  { path: 'admin/users', nav: 'Users', title: 'Users and roles', render: () => html`<dg-admin-users></dg-admin-users>` },
  { path: 'admin/models', nav: 'Models', title: 'Model registry', render: () => html`<dg-admin-models></dg-admin-models>` },
  { path: 'admin/models/new', title: 'Register a model',
    render: () => html`<dg-admin-model-register></dg-admin-model-register>` },
  { path: 'admin/models/:id', title: 'Model', render: (p) => html`<dg-admin-model .modelId=${p.id}></dg-admin-model>` },
  { path: 'admin/approvals', nav: 'Written approvals', title: 'Written approvals',
    render: () => html`<dg-admin-approvals></dg-admin-approvals>` },
  { path: 'admin/ledger', nav: 'Ledger', title: 'Audit ledger', render: () => html`<dg-admin-ledger></dg-admin-ledger>` },
];
