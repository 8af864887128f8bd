import { describe, expect, it } from 'vitest';
import { applyBadge, type ActionApi } from '../../../lib/badge/apply';

describe('applyBadge', () => {
  it('sets colour, text and tooltip on the action, and white text where the browser can', async () => {
    const calls: string[] = [];
    const action: ActionApi = {
      setBadgeText: ({ text }) => void calls.push(`text:${text}`),
      setBadgeBackgroundColor: ({ color }) => void calls.push(`bg:${color}`),
      setTitle: ({ title }) => void calls.push(`title:${title}`),
      setBadgeTextColor: ({ color }) => void calls.push(`fg:${color}`),
    };
    await applyBadge(action, { text: '$50', color: '#2f6f4e', title: 'Laptop', level: 'ok' });
    expect(calls).toEqual(['bg:#2f6f4e', 'fg:#ffffff', 'text:$50', 'title:Laptop']);
  });

  it('works on a browser without setBadgeTextColor', async () => {
    const calls: string[] = [];
    await applyBadge(
      {
        setBadgeText: ({ text }) => void calls.push(text),
        setBadgeBackgroundColor: () => undefined,
        setTitle: () => undefined,
      },
      { text: '!', color: '#c62828', title: 'Blocked', level: 'blocked' },
    );
    expect(calls).toEqual(['!']);
  });
});
