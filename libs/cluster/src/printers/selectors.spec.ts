import { formatLabels, formatLabelSelector, labelSelectorString } from './selectors';

describe('selector formatting', () => {
  it('sorts label pairs as whole strings', () => {
    expect(formatLabels({ 'pod-template-hash': '896bb5df7', app: 'web' })).toBe('app=web,pod-template-hash=896bb5df7');
    expect(formatLabels({ 'a.b': '1', a: '2' })).toBe('a.b=1,a=2');
    expect(formatLabels({})).toBe('<none>');
  });

  it('prints label selectors as LabelSelectorAsSelector does', () => {
    expect(labelSelectorString(undefined)).toBe('');
    expect(labelSelectorString({})).toBe('');
    expect(labelSelectorString({ matchLabels: { b: '2', a: '1' } })).toBe('a=1,b=2');
    expect(labelSelectorString({ matchExpressions: [{ key: 'x', operator: 'In', values: [] }] })).toBeUndefined();
    expect(
      labelSelectorString({ matchExpressions: [{ key: 'x', operator: 'Exists', values: ['v'] }] }),
    ).toBeUndefined();
  });

  it('formats label selectors for the wide columns', () => {
    expect(formatLabelSelector({ matchLabels: { app: 'web' } })).toBe('app=web');
    expect(formatLabelSelector({})).toBe('<none>');
    expect(formatLabelSelector(undefined)).toBe('<none>');
    expect(formatLabelSelector({ matchExpressions: [{ key: 'x', operator: 'Bogus' }] })).toBe('<error>');
  });
});
