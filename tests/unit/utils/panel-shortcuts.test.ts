import { describe, expect, it } from 'vitest';
import { type KeyPlace, panelActionFor } from '@/utils/panel-shortcuts';

const key = (
  k: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('panelActionFor', () => {
  it.each<[ReturnType<typeof key>, KeyPlace, string | null]>([
    [key('/'), 'other', 'focus-search'],
    [key('/'), 'list', 'focus-search'],
    [key('/'), 'search', null],
    [key('/'), 'text-field', null],
    [key('ArrowDown'), 'search', 'next'],
    [key('ArrowUp'), 'list', 'previous'],
    [key('ArrowDown'), 'text-field', null],
    [key('Enter'), 'search', 'toggle'],
    [key('Enter'), 'text-field', null],
    [key('Enter'), 'list', null],
    [key('Enter', { ctrlKey: true }), 'text-field', 'insert'],
    [key('Enter', { metaKey: true }), 'other', 'insert'],
    [key('Enter', { ctrlKey: true, shiftKey: true }), 'other', null],
    [key('C', { ctrlKey: true, shiftKey: true }), 'search', 'copy'],
    [key('c', { metaKey: true, shiftKey: true }), 'other', 'copy'],
    [key('c', { ctrlKey: true }), 'other', null],
    [key('ArrowDown', { altKey: true }), 'search', null],
  ])('%j in %s -> %s', (event, place, expected) => {
    expect(panelActionFor(event, place)).toBe(expected);
  });
});
