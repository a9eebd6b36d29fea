// The tray icons as a designer would check them: every state a different outline (not only a
// colour), legible on light, dark and coloured panels, and drawn at each size panels use.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trayIconFile } from '../../src/main/shell/tray-view.js';
import { STATUS_SEVERITY } from '../../src/shared/types.js';
import { decodePng, pngSize, type Png } from './png.js';

const root = join(import.meta.dirname, '../..');
const tray = (name: string): Buffer => readFileSync(join(root, 'build/tray', name));

/** The outline: which pixels are (mostly) opaque. */
function silhouette(png: Png): boolean[] {
  const mask: boolean[] = [];
  for (let i = 3; i < png.rgba.length; i += 4) mask.push((png.rgba[i] as number) >= 128);
  return mask;
}

function luminance([r, g, b]: [number, number, number]): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: [number, number, number], b: [number, number, number]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Share of the icon's opaque pixels that stand out (3:1) from a panel of colour `panel`. */
function legibleShare(png: Png, panel: [number, number, number]): number {
  let opaque = 0;
  let standing = 0;
  for (let i = 0; i < png.rgba.length; i += 4) {
    if ((png.rgba[i + 3] as number) < 200) continue;
    opaque += 1;
    const pixel: [number, number, number] = [
      png.rgba[i] as number,
      png.rgba[i + 1] as number,
      png.rgba[i + 2] as number,
    ];
    if (contrast(pixel, panel) >= 3) standing += 1;
  }
  return standing / Math.max(1, opaque);
}

const PANELS: Record<string, [number, number, number]> = {
  light: [246, 246, 246],
  dark: [32, 33, 36],
  black: [0, 0, 0],
  blue: [43, 87, 151],
};

describe('tray icon design', () => {
  it.each(STATUS_SEVERITY)('%s comes at 16, 22, 24, 32 and 44 px', (state) => {
    const sizes: [string, number][] = [
      [`${state}.png`, 16],
      [`linux/${state}.png`, 22],
      [`${state}@1.5x.png`, 24],
      [`${state}@2x.png`, 32],
      [`linux/${state}@2x.png`, 44],
    ];
    for (const [name, size] of sizes) expect(pngSize(tray(name)), name).toEqual({ width: size, height: size });
  });

  it('gives every state its own outline, so shape alone tells them apart', () => {
    const masks = STATUS_SEVERITY.map((state) => [state, silhouette(decodePng(tray(`${state}@2x.png`)))] as const);
    for (const [i, [a, maskA]] of masks.entries()) {
      for (const [b, maskB] of masks.slice(i + 1)) {
        const differing = maskA.filter((on, k) => on !== maskB[k]).length;
        expect(differing, `${a} vs ${b}`).toBeGreaterThan(40);
      }
    }
  });

  it.each(STATUS_SEVERITY)('%s stays visible on light, dark, black and coloured panels', (state) => {
    for (const name of [`${state}.png`, `linux/${state}.png`]) {
      const png = decodePng(tray(name));
      for (const [panel, colour] of Object.entries(PANELS)) {
        expect(legibleShare(png, colour), `${name} on ${panel}`).toBeGreaterThan(0.25);
      }
    }
  });

  it('loads the 22 px drawing on Linux and the 16 px one (with its 1.5x/2x siblings) elsewhere', () => {
    expect(pngSize(tray(trayIconFile('low', 'linux')))).toEqual({ width: 22, height: 22 });
    expect(pngSize(tray(trayIconFile('low', 'win32')))).toEqual({ width: 16, height: 16 });
    expect(pngSize(tray(trayIconFile('okTemplate', 'darwin')))).toEqual({ width: 16, height: 16 });
  });
});
