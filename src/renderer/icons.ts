/**
 * The window's small icons as inline SVG paths (16-unit grid, drawn with currentColor), so
 * they render the same everywhere: an emoji needs a font the system may not have.
 */
import { s } from './dom.js';

const PATHS = {
  refresh: 'M13.5 8a5.5 5.5 0 1 1-1.6-3.9M13.5 2.5v3h-3',
  details: 'M2 13.5h12M3.5 11l3-4 2.5 2.5L12.5 4',
  key: 'M6 10a3.5 3.5 0 1 1 2.9-1.5L14 13.5V15h-2v-1.5h-1.5V12H9l-1.6-1.6A3.5 3.5 0 0 1 6 10zM4.8 5.8h.01',
  lock: 'M4.5 7V5a3.5 3.5 0 0 1 7 0v2M3.5 7h9v7h-9z',
  plus: 'M8 3v10M3 8h10',
  back: 'M10 3 5 8l5 5',
  gear: 'M8 5.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5zM8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4',
  close: 'M4 4l8 8M12 4l-8 8',
  check: 'M3 8.5 6.5 12 13 4.5',
  cross: 'M4 4l8 8M12 4l-8 8',
  warning: 'M8 2 15 14H1zM8 6.5v3.5M8 12v.01',
  download: 'M8 2v8M4.5 7 8 10.5 11.5 7M2.5 13.5h11',
} as const;

export type IconName = keyof typeof PATHS;

export function icon(name: IconName): SVGSVGElement {
  return s(
    'svg',
    {
      class: `icon icon-${name}`,
      viewBox: '0 0 16 16',
      width: 16,
      height: 16,
      'aria-hidden': 'true',
      focusable: 'false',
    },
    s('path', { d: PATHS[name] }),
  );
}
