import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, parseDemoArgs, parsePort } from '../../../scripts/demo/options';

describe('demo options', () => {
  it('opens a window by default when there is a display', () => {
    expect(parseDemoArgs([], { DISPLAY: ':0' })).toEqual({
      ok: true,
      options: { headless: false, help: false, port: undefined, noDisplay: false },
    });
  });

  it('runs headless on --headless, display or not', () => {
    expect(parseDemoArgs(['--headless'], { DISPLAY: ':0' })).toMatchObject({ ok: true, options: { headless: true, noDisplay: false } });
    expect(parseDemoArgs(['--headless'], {})).toMatchObject({ ok: true, options: { headless: true, noDisplay: false } });
  });

  it('falls back to headless, and says so, when no display is set', () => {
    expect(parseDemoArgs([], {})).toMatchObject({ ok: true, options: { headless: true, noDisplay: true } });
    expect(parseDemoArgs([], { DISPLAY: '' })).toMatchObject({ ok: true, options: { headless: true, noDisplay: true } });
  });

  it('knows --help and -h, and refuses anything else by name', () => {
    expect(parseDemoArgs(['-h'], {})).toMatchObject({ ok: true, options: { help: true } });
    expect(parseDemoArgs(['--help'], {})).toMatchObject({ ok: true, options: { help: true } });
    const bad = parseDemoArgs(['--headles'], {});
    expect(bad).toEqual({ ok: false, error: expect.stringContaining('"--headles"') });
  });

  it('takes SANDBOX_PORT when it is a port, and explains when it is not', () => {
    expect(parseDemoArgs([], { DISPLAY: ':1', SANDBOX_PORT: '9000' })).toMatchObject({ ok: true, options: { port: 9000 } });
    expect(parsePort(undefined)).toEqual({ ok: true, port: undefined });
    expect(parsePort(' ')).toEqual({ ok: true, port: undefined });
    expect(parsePort(' 8788 ')).toEqual({ ok: true, port: 8788 });
    for (const text of ['0', '65536', 'abc', '80.5', '-1', '1e3']) {
      expect(parsePort(text), text).toEqual({ ok: false, error: expect.stringContaining(`"${text}"`) });
    }
    expect(parseDemoArgs(['--headless'], { SANDBOX_PORT: 'x' })).toMatchObject({ ok: false });
  });

  it('defaults to port 8787', () => {
    expect(DEFAULT_PORT).toBe(8787);
  });
});
