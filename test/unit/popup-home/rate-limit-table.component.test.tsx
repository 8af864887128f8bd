// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { filterModels, modelLimitsOf, RateLimitTable } from '../../../components/RateLimitTable';
import { useEnglish } from '../vault/english';
import { MODELS } from './fixtures';

const rowNames = () =>
  screen.getAllByRole('row').slice(1).map((row) => within(row).getByRole('rowheader').textContent);

describe('RateLimitTable', () => {
  beforeEach(() => { useEnglish(); });
  afterEach(cleanup);

  it('lists every model in a table with a caption, column and row headers', () => {
    render(<RateLimitTable models={MODELS} />);
    const table = screen.getByRole('table');
    expect(table.querySelector('caption')?.textContent).toMatch(/Requests per minute \(RPM\)/);
    const columns = screen.getAllByRole('columnheader');
    expect(columns.map((c) => c.textContent)).toEqual(['Model', 'RPM', 'TPM', 'RPD']);
    expect(columns.every((c) => c.getAttribute('scope') === 'col')).toBe(true);
    expect(screen.getAllByRole('rowheader').every((c) => c.getAttribute('scope') === 'row')).toBe(true);
    expect(rowNames()).toEqual(['qwen3-4b', 'Qwen3-235B-A22B', 'venice-sd35', 'wan-2.5-preview-text-to-video']);
    const big = screen.getAllByRole('row')[2]!;
    expect(within(big).getAllByRole('cell').map((c) => c.textContent)).toEqual(['20', '500K', '10K']);
    expect(within(big).getAllByRole('cell')[1]!.getAttribute('title')).toBe('500,000');
    const video = screen.getAllByRole('row')[4]!;
    // "—" on screen, "not listed" for screen readers, and the legend says what it means.
    expect(within(video).getAllByRole('cell').map((c) => c.textContent)).toEqual(['—not listed', '—not listed', '—not listed']);
    expect(screen.getByTestId('limits-legend').textContent).toMatch(/^— Venice lists no limit of this kind/);
    expect(screen.getByTestId('limits-count').textContent).toBe('4 of 4 models shown');
  });

  it('filters by model id as the person types, ignoring case and spaces, and says when nothing matches', () => {
    render(<RateLimitTable models={MODELS} />);
    const filter = screen.getByLabelText('Filter models');
    fireEvent.input(filter, { target: { value: '  QWEN ' } });
    expect(rowNames()).toEqual(['qwen3-4b', 'Qwen3-235B-A22B']);
    expect(screen.getByTestId('limits-count').textContent).toBe('2 of 4 models shown');
    fireEvent.input(filter, { target: { value: 'sd35' } });
    expect(rowNames()).toEqual(['venice-sd35']);
    fireEvent.input(filter, { target: { value: 'llama' } });
    expect(rowNames()).toEqual([]);
    expect(screen.getByTestId('limits-count').textContent).toBe('No model matches “llama”.');
    expect(screen.getByTestId('limits-count').getAttribute('role')).toBe('status');
    fireEvent.input(filter, { target: { value: '' } });
    expect(rowNames()).toHaveLength(4);
  });

  it('says so when the limits are not known, or when Venice listed none', () => {
    render(<RateLimitTable models={null} />);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('Per-model rate limits are not available for this key yet.')).toBeTruthy();
    cleanup();
    render(<RateLimitTable models={[]} />);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('Venice listed no rate limits for this key.')).toBeTruthy();
  });
});

describe('modelLimitsOf / filterModels', () => {
  it('reads the list from a snapshot, drops malformed entries, and is null without one', () => {
    expect(modelLimitsOf({ accessPermitted: true })).toBeNull();
    expect(modelLimitsOf(null)).toBeNull();
    const parsed = modelLimitsOf({ rateLimits: [...MODELS, { apiModelId: 'x' }, { rateLimits: [{ type: 'RPM', amount: '5' }] }, 7] });
    expect(parsed).toEqual(MODELS);
  });

  it('keeps the order and returns everything for a blank filter', () => {
    expect(filterModels(MODELS, ' ')).toBe(MODELS);
    expect(filterModels(MODELS, 'b').map((m) => m.apiModelId)).toEqual(['qwen3-4b', 'Qwen3-235B-A22B']);
    expect(filterModels([{ rateLimits: [] }, ...MODELS], 'sd').map((m) => m.apiModelId)).toEqual(['venice-sd35']);
  });
});
