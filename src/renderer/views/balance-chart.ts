/**
 * The chart section: a period picker (radio buttons, so arrow keys work), the chart, and a
 * crosshair that pointer and keyboard move alike. The reading under the crosshair is written
 * to a live region, so a screen reader hears the time and amount as the user moves.
 * The chart redraws when its box changes size, so its text never scales with the window.
 */
import { canonicalAmount } from '../../shared/money.js';
import type { AccountSnapshot, HistoryEntry } from '../../shared/types.js';
import { drawChart, type ChartDrawing } from '../chart/chart.js';
import { CHART_RANGES, rangeBounds, type ChartRange } from '../chart/range.js';
import type { ViewContext } from '../context.js';
import { h, s, uniqueId } from '../dom.js';
import { formatShortMoment } from '../format.js';
import { formatMoney } from '../../shared/money.js';

export interface ChartSectionOptions {
  account: AccountSnapshot;
  entries: readonly HistoryEntry[];
  range: ChartRange;
  onRange(range: ChartRange): void;
  /** The reading (by time) the crosshair was on before a redraw built this section again. */
  cursor: number | null;
  onCursor(at: number | null): void;
}

const CHART_HEIGHT = 200;

export function chartSection(ctx: ViewContext, options: ChartSectionOptions): HTMLElement {
  const { t, locale } = ctx;
  const { account, entries } = options;
  let range = options.range;
  let drawing: ChartDrawing | null = null;
  let drawnWidth = 0;
  let index = -1;
  let restoreAt = options.cursor;
  const currency = account.lastReading?.currency ?? entries.at(-1)?.currency ?? 'USD';
  const threshold = (text: string | undefined) => (text ? canonicalAmount(text) : null);
  const readout = h('p', { class: 'chart-readout', 'aria-live': 'polite', 'data-testid': 'readout' });
  const frame = h('div', {
    class: 'chart-frame',
    tabindex: 0,
    role: 'group',
    'aria-label': t('window.chart.explore'),
    'data-testid': 'chart',
    'data-focus-key': 'chart',
  });
  const cross = s('g', { class: 'chart-cross', visibility: 'hidden', 'aria-hidden': 'true' });
  const crossLine = s('line', {});
  const crossDot = s('circle', { r: 4 });
  cross.append(crossLine, crossDot);

  const draw = () => {
    const width = Math.max(240, Math.floor(frame.clientWidth || ctx.contentWidth()));
    const { fromMs, toMs } = rangeBounds(range, entries, ctx.snapshot.at);
    drawing = drawChart({
      entries,
      fromMs,
      toMs,
      width,
      height: CHART_HEIGHT,
      low: threshold(account.lowThreshold),
      critical: threshold(account.criticalThreshold),
      currency,
      locale,
      t,
    });
    drawnWidth = width;
    drawing.svg.append(cross);
    frame.replaceChildren(drawing.svg);
    if (restoreAt !== null && drawing.points.length > 0) {
      // A redraw of the view: back on the reading the user chose, and its readout shown again
      // (written before the section is on screen, so a screen reader does not hear it twice).
      const at = restoreAt;
      restoreAt = null;
      show(nearest(at), true);
      return;
    }
    if (index >= drawing.points.length) index = drawing.points.length - 1;
    show(index, false);
  };

  function show(at: number, announce: boolean): void {
    const point = drawing?.points[at];
    if (!drawing || !point) {
      cross.setAttribute('visibility', 'hidden');
      return;
    }
    index = at;
    options.onCursor(point.at);
    const px = drawing.x(point.at);
    const py = drawing.y(point.value);
    crossLine.setAttribute('x1', String(px));
    crossLine.setAttribute('x2', String(px));
    crossLine.setAttribute('y1', String(drawing.plot.top));
    crossLine.setAttribute('y2', String(drawing.plot.bottom));
    crossDot.setAttribute('cx', String(px));
    crossDot.setAttribute('cy', String(py));
    cross.setAttribute('visibility', 'visible');
    if (announce) {
      readout.textContent = t('window.chart.readout', {
        when: formatShortMoment(point.at, locale, true),
        amount: formatMoney(point.balance, currency, locale),
      });
    }
  }

  /** The drawn point nearest a time (points are sorted by time). */
  function nearest(at: number): number {
    const points = drawing?.points ?? [];
    let low = 0;
    let high = points.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((points[mid]?.at ?? 0) < at) low = mid + 1;
      else high = mid;
    }
    const before = points[low - 1];
    const here = points[low];
    if (before && here && at - before.at < here.at - at) return low - 1;
    return low;
  }

  frame.addEventListener('pointermove', (event) => {
    if (!drawing || drawing.points.length === 0) return;
    const box = drawing.svg.getBoundingClientRect();
    const px = ((event.clientX - box.left) / Math.max(1, box.width)) * drawnWidth;
    const { plot } = drawing;
    const fraction = (Math.min(plot.right, Math.max(plot.left, px)) - plot.left) / Math.max(1, plot.right - plot.left);
    const { fromMs, toMs } = rangeBounds(range, entries, ctx.snapshot.at);
    show(nearest(fromMs + fraction * (toMs - fromMs)), true);
  });
  frame.addEventListener('pointerleave', () => {
    if (document.activeElement === frame) return;
    cross.setAttribute('visibility', 'hidden');
    options.onCursor(null);
  });
  frame.addEventListener('keydown', (event) => {
    const count = drawing?.points.length ?? 0;
    if (count === 0) return;
    const step = event.shiftKey ? 10 : 1;
    const from = index < 0 ? count - 1 : index;
    let next: number | null = null;
    if (event.key === 'ArrowLeft') next = Math.max(0, from - (index < 0 ? 0 : step));
    else if (event.key === 'ArrowRight') next = Math.min(count - 1, from + (index < 0 ? 0 : step));
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = count - 1;
    if (next === null) return;
    event.preventDefault();
    show(next, true);
  });

  // Redraw at the new width; the observer also gives the first real width once the view is on screen.
  new ResizeObserver(() => {
    if (frame.isConnected && Math.abs(frame.clientWidth - drawnWidth) >= 1) draw();
  }).observe(frame);

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
        index = -1;
        restoreAt = null;
        options.onCursor(null);
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
    frame,
    readout,
  );
}
