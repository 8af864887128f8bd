// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeySwitcher } from '../../../components/KeySwitcher';
import { useEnglish } from '../vault/english';

const noop = () => {};

describe("the active key's title", () => {
  beforeEach(() => { useEnglish(); });
  afterEach(cleanup);

  it('keeps "(…last six)" in one unbreakable span, even with a hyphen in it', () => {
    const key = { id: 'a', description: 'A rather long description for a laptop key', last6: 'd-n3iE' };
    render(<KeySwitcher keys={[key]} active={key} onSwitch={noop} />);
    const title = screen.getByTestId('active-key');
    expect(title.textContent).toBe('A rather long description for a laptop key (…d-n3iE)');
    const tail = title.querySelector('.key-tail')!;
    expect(tail.textContent).toBe('(…d-n3iE)');
    const css = readFileSync(resolve(process.cwd(), 'components/Home.css'), 'utf8');
    expect(css).toMatch(/\.key-title \.key-tail\s*\{\s*white-space:\s*nowrap;?\s*\}/);
  });

  it('names an unnamed key and leaves the tail out when the last six are unknown', () => {
    const key = { id: 'a', description: '  ', last6: '' };
    render(<KeySwitcher keys={[key]} active={key} onSwitch={noop} />);
    expect(screen.getByTestId('active-key').textContent).toBe('API key');
    expect(screen.getByTestId('active-key').querySelector('.key-tail')).toBeNull();
  });
});
