// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@/components/i18n';
import { PanelMenu } from '@/components/PanelMenu';

function renderMenu() {
  const onOpen = vi.fn();
  render(
    <I18nProvider language="en" uiLanguage="en">
      <PanelMenu onOpen={onOpen} />
      <p>Elsewhere on the panel</p>
    </I18nProvider>,
  );
  return onOpen;
}

const toggle = () => screen.getByRole('button', { name: /^More/ });
const menu = () => screen.queryByRole('menu');

describe('PanelMenu', () => {
  afterEach(cleanup);

  it('opens with the first item focused and closes again from its button', () => {
    renderMenu();
    expect(menu()).toBeNull();
    expect(toggle().getAttribute('aria-haspopup')).toBe('menu');
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle());
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual([
      'Review calls',
      'Checklist compliance',
      'Settings',
    ]);
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Review calls' }));
    fireEvent.click(toggle());
    expect(menu()).toBeNull();
  });

  it.each([
    ['Review calls', 'review'],
    ['Checklist compliance', 'compliance'],
    ['Settings', 'options'],
  ])('"%s" opens the %s page and closes the menu', (name, page) => {
    const onOpen = renderMenu();
    fireEvent.click(toggle());
    fireEvent.click(screen.getByRole('menuitem', { name }));
    expect(onOpen).toHaveBeenCalledWith(page);
    expect(menu()).toBeNull();
  });

  it('closes on Escape', () => {
    renderMenu();
    fireEvent.click(toggle());
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(menu()).toBeNull();
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
  });

  it('stays open for other keys', () => {
    renderMenu();
    fireEvent.click(toggle());
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(menu()).not.toBeNull();
  });

  it('closes when the pointer goes down outside it, not inside', () => {
    const onOpen = renderMenu();
    fireEvent.click(toggle());
    fireEvent.pointerDown(screen.getByRole('menuitem', { name: 'Settings' }));
    expect(menu()).not.toBeNull();
    fireEvent.pointerDown(screen.getByText('Elsewhere on the panel'));
    expect(menu()).toBeNull();
    expect(onOpen).not.toHaveBeenCalled();
  });
});
