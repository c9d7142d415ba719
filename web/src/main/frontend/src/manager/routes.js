// The manager pages: { path, nav (label in the navigation, optional), title, render(params) }.
// The new-job form has a path of its own, so the navigation marks it, not "Jobs", as the current page.
import { html } from 'lit';
import './titles.js';
import './media.js';
import './voices.js';
import './jobs.js';
import './job-form.js';
import './job.js';

export const routes = [
  { path: 'manager/jobs', nav: 'Jobs', title: 'Jobs', render: () => html`<dg-manager-jobs></dg-manager-jobs>` },
  { path: 'manager/new-job', nav: 'New job', title: 'New dubbing job',
    render: () => html`<dg-manager-job-form></dg-manager-job-form>` },
  { path: 'manager/jobs/:id', title: 'Job', render: (p) => html`<dg-manager-job .jobId=${p.id}></dg-manager-job>` },
  { path: 'manager/media', nav: 'Media', title: 'Media', render: () => html`<dg-manager-media></dg-manager-media>` },
  { path: 'manager/voices', nav: 'Voices', title: 'Voices', render: () => html`<dg-manager-voices></dg-manager-voices>` },
  { path: 'manager/titles', nav: 'Titles', title: 'Titles', render: () => html`<dg-manager-titles></dg-manager-titles>` },
];
