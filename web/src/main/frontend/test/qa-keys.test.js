import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ITEM_KEYS, QUEUE_KEYS, actionFor, isTypingTarget, keyName } from '../src/qa/keys.js';

const on = (tagName, extra = {}) => ({ tagName, ...extra });
const key = (k, target = on('BODY'), mods = {}) => ({ key: k, target, ...mods });

test('each shortcut of the item page maps to its action', () => {
  const expected = { j: 'next', k: 'previous', a: 'approve', r: 'reject', e: 'rerender', ' ': 'play-line',
    c: 'play-mix', o: 'play-original', Escape: 'cancel' };
  for (const [k, action] of Object.entries(expected)) assert.equal(actionFor(ITEM_KEYS, key(k)), action, k);
  assert.equal(actionFor(ITEM_KEYS, key('x')), null);
  assert.equal(actionFor(ITEM_KEYS, key('A')), null, 'Shift+A is not a shortcut');
  assert.equal(new Set(ITEM_KEYS.map((k) => k.key)).size, ITEM_KEYS.length, 'one action a key');
});

test('no shortcut fires while typing in an input, a textarea, a select or an editable element', () => {
  for (const target of [on('INPUT', { type: 'text' }), on('input', { type: 'number' }), on('INPUT', { type: '' }),
    on('TEXTAREA'), on('SELECT'), on('DIV', { isContentEditable: true })]) {
    assert.equal(isTypingTarget(target), true, JSON.stringify(target));
    for (const k of ['j', 'k', 'a', 'r', 'e', ' ', 'c', 'o']) assert.equal(actionFor(ITEM_KEYS, key(k, target)), null);
  }
  assert.equal(actionFor(ITEM_KEYS, key('Escape', on('TEXTAREA'))), 'cancel', 'Escape closes the form from its field');
  assert.equal(isTypingTarget(on('INPUT', { type: 'checkbox' })), false);
  assert.equal(isTypingTarget(on('BUTTON')), false);
  assert.equal(isTypingTarget(null), false);
});

test('letters work on a focused button or link; space is left to activate it', () => {
  assert.equal(actionFor(ITEM_KEYS, key('a', on('BUTTON'))), 'approve');
  assert.equal(actionFor(ITEM_KEYS, key('j', on('A'))), 'next');
  assert.equal(actionFor(ITEM_KEYS, key(' ', on('BUTTON'))), null);
  assert.equal(actionFor(ITEM_KEYS, key(' ', on('A'))), null);
  assert.equal(actionFor(ITEM_KEYS, key(' ', on('MAIN'))), 'play-line');
});

test('Ctrl, Alt and Meta combinations belong to the browser and assistive technology', () => {
  for (const mod of ['ctrlKey', 'altKey', 'metaKey']) {
    assert.equal(actionFor(ITEM_KEYS, key('r', on('BODY'), { [mod]: true })), null, mod);
  }
});

test('the queue moves between items with j and k, and keys read as written on the page', () => {
  assert.equal(actionFor(QUEUE_KEYS, key('j')), 'next');
  assert.equal(actionFor(QUEUE_KEYS, key('k')), 'previous');
  assert.equal(actionFor(QUEUE_KEYS, key('a')), null);
  assert.equal(keyName(' '), 'Space');
  assert.equal(keyName('Escape'), 'Esc');
  assert.equal(keyName('j'), 'j');
});
