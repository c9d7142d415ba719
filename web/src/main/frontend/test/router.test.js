import { test } from 'node:test';
import assert from 'node:assert/strict';
import { match, resolve } from '../src/router.js';

test('a pattern matches a path of the same length and names its parameters', () => {
  assert.deepEqual(match('agent/performers/:id', 'agent/performers/42'), { id: '42' });
  assert.deepEqual(match('agent/performers', 'agent/performers'), {});
  assert.equal(match('agent/performers/:id', 'agent/performers'), null);
  assert.equal(match('agent/performers/:id', 'manager/performers/42'), null);
  assert.deepEqual(match('jobs/:id', 'jobs/a%20b'), { id: 'a b' });
});

test('the first matching route wins', () => {
  const routes = [{ path: 'jobs/new' }, { path: 'jobs/:id' }];
  assert.equal(resolve(routes, 'jobs/new').route.path, 'jobs/new');
  assert.deepEqual(resolve(routes, 'jobs/7').params, { id: '7' });
  assert.equal(resolve(routes, 'titles'), null);
});
