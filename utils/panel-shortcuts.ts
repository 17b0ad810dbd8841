/** What a key press in the panel asks for. */
export type PanelAction = 'focus-search' | 'next' | 'previous' | 'toggle' | 'insert' | 'copy';

/** Where the key was pressed: the FAQ search box, the suggestion list, another text field, elsewhere. */
export type KeyPlace = 'search' | 'list' | 'text-field' | 'other';

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Maps a key press to a panel action; typing keys stay with the text field that has focus. */
export function panelActionFor(event: KeyLike, place: KeyPlace): PanelAction | null {
  const command = event.ctrlKey || event.metaKey;
  if (command && !event.altKey && !event.shiftKey && event.key === 'Enter') return 'insert';
  if (command && event.shiftKey && !event.altKey && event.key.toLowerCase() === 'c') return 'copy';
  if (command || event.altKey) return null;
  if (event.key === '/' && (place === 'list' || place === 'other')) return 'focus-search';
  if (place === 'search' || place === 'list') {
    if (event.key === 'ArrowDown') return 'next';
    if (event.key === 'ArrowUp') return 'previous';
  }
  if (event.key === 'Enter' && place === 'search') return 'toggle';
  return null;
}
