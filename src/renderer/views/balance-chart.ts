/** The chart section: a period picker (radio buttons, so arrow keys work) and the chart. */
import { canonicalAmount } from '../../shared/money.js';
import type { AccountSnapshot, HistoryEntry } from '../../shared/types.js';
import { renderChart } from '../chart/chart.js';
import { CHART_RANGES, rangeBounds, type ChartRange } from '../chart/range.js';
import type { ViewContext } from '../context.js';
import { h, uniqueId } from '../dom.js';

export interface ChartSectionOptions {
  account: AccountSnapshot;
  entries: readonly HistoryEntry[];
  range: ChartRange;
  onRange(range: ChartRange): void;
}

const CHART_HEIGHT = 220;

export function chartSection(ctx: ViewContext, options: ChartSectionOptions): HTMLElement {
  const { t } = ctx;
  const { account, entries } = options;
  let range = options.range;
  const holder = h('div', { class: 'chart-holder', 'data-testid': 'chart' });
  const currency = account.lastReading?.currency ?? entries.at(-1)?.currency ?? 'USD';
  const threshold = (text: string | undefined) => (text ? canonicalAmount(text) : null);

  const draw = () => {
    const { fromMs, toMs } = rangeBounds(range, entries, ctx.snapshot.at);
    holder.replaceChildren(
      renderChart({
        entries,
        fromMs,
        toMs,
        width: Math.max(320, ctx.contentWidth()),
        height: CHART_HEIGHT,
        low: threshold(account.lowThreshold),
        critical: threshold(account.criticalThreshold),
        currency,
        locale: ctx.locale,
        t,
      }),
    );
  };

  const name = uniqueId('range');
  const legendId = uniqueId('range-legend');
  const picker = h(
    'fieldset',
    { class: 'segmented', 'aria-labelledby': legendId },
    h('legend', { id: legendId, class: 'visually-hidden' }, t('window.chart.period')),
    CHART_RANGES.map((value) => {
      const id = `${name}-${value}`;
      const radio = h('input', {
        type: 'radio',
        name,
        id,
        value,
        checked: value === range,
        'data-focus-key': `range-${value}`,
      });
      radio.addEventListener('change', () => {
        if (!radio.checked) return;
        range = value;
        options.onRange(value);
        draw();
      });
      return h('span', { class: 'segment' }, radio, h('label', { for: id }, t(`window.chart.range.${value}`)));
    }),
  );
  draw();
  return h(
    'section',
    { class: 'chart-section' },
    h('div', { class: 'section-head' }, h('h2', {}, t('window.chart.title')), picker),
    holder,
  );
}
