// The qa pages: { path, nav (label in the navigation, optional), title, render(params) }.
import { html } from 'lit';
import './queue.js';
import './item.js';

export const routes = [
  { path: 'qa/queue', nav: 'Review queue', title: 'Review queue', render: () => html`<dg-qa-queue></dg-qa-queue>` },
  { path: 'qa/items/:id', title: 'Review item', render: ({ id }) => html`<dg-qa-item .itemId=${id}></dg-qa-item>` },
];
