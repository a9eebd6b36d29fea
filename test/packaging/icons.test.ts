// The committed icons (`npm run icons`): what the tray and the installers load at run time.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATUS_SEVERITY } from '../../src/shared/types.js';
import { decodePng, pngSize, type Png } from './png.js';

const root = join(import.meta.dirname, '../..');
const tray = (name: string): Buffer => readFileSync(join(root, 'build/tray', name));
const ALERTS = ['low', 'critical', 'error'] as const;

function pixels(png: Png): Array<[number, number, number, number]> {
  const out: Array<[number, number, number, number]> = [];
  for (let i = 0; i < png.rgba.length; i += 4)
    out.push([png.rgba[i]!, png.rgba[i + 1]!, png.rgba[i + 2]!, png.rgba[i + 3]!]);
  return out;
}

/** The most frequent fully opaque colour: the disc the glyph is drawn on. */
function fillColour(png: Png): [number, number, number] {
  const counts = new Map<string, number>();
  for (const [r, g, b, a] of pixels(png))
    if (a === 255) counts.set(`${r},${g},${b}`, (counts.get(`${r},${g},${b}`) ?? 0) + 1);
  const [best] = [...counts].sort((x, y) => y[1] - x[1])[0]!;
  return best.split(',').map(Number) as [number, number, number];
}

/** Where the glyph is: opaque pixels inside the disc that stand out from its fill. */
function glyphMask(png: Png): boolean[] {
  const fill = fillColour(png);
  const centre = png.width / 2;
  return pixels(png).map(([r, g, b, a], i) => {
    const x = (i % png.width) + 0.5 - centre;
    const y = Math.floor(i / png.width) + 0.5 - centre;
    const inside = Math.hypot(x, y) < png.width * 0.375;
    return inside && a >= 128 && Math.abs(r - fill[0]) + Math.abs(g - fill[1]) + Math.abs(b - fill[2]) > 150;
  });
}

describe('tray icons', () => {
  it.each(STATUS_SEVERITY)('%s exists at 16 px (1×) and 32 px (2×)', (state) => {
    expect(pngSize(tray(`${state}.png`))).toEqual({ width: 16, height: 16 });
    expect(pngSize(tray(`${state}@2x.png`))).toEqual({ width: 32, height: 32 });
  });

  it.each(STATUS_SEVERITY)('%s is drawn: a shape on transparency, with a glyph on it', (state) => {
    for (const name of [`${state}.png`, `${state}@2x.png`]) {
      const png = decodePng(tray(name));
      const alpha = pixels(png).map((p) => p[3]);
      expect(alpha.filter((a) => a === 255).length, name).toBeGreaterThan(alpha.length * 0.2);
      expect(alpha.filter((a) => a === 0).length, name).toBeGreaterThan(0);
      expect(glyphMask(png).filter(Boolean).length, name).toBeGreaterThan(png.width / 2);
    }
  });

  it('gives every state its own glyph, so none is told apart by colour alone', () => {
    const masks = STATUS_SEVERITY.map((state) => [state, glyphMask(decodePng(tray(`${state}@2x.png`)))] as const);
    for (const [i, [a, maskA]] of masks.entries()) {
      for (const [b, maskB] of masks.slice(i + 1)) {
        const differing = maskA.filter((on, k) => on !== maskB[k]).length;
        expect(differing, `${a} vs ${b}`).toBeGreaterThan(30);
      }
    }
  });

  it('colours the alert states, each differently', () => {
    const fills = ALERTS.map((state) => fillColour(decodePng(tray(`${state}.png`))));
    for (const [r, g, b] of fills) expect(Math.max(r, g, b) - Math.min(r, g, b)).toBeGreaterThan(100);
    expect(new Set(fills.map(String)).size).toBe(ALERTS.length);
  });

  it.each([
    ['okTemplate.png', 16],
    ['okTemplate@2x.png', 32],
  ])('%s is a macOS template image: black and alpha only, not blank', (name, size) => {
    const png = decodePng(tray(name));
    expect(png.width).toBe(size);
    const all = pixels(png);
    expect(all.filter(([r, g, b, a]) => a > 0 && (r | g | b) !== 0)).toEqual([]);
    expect(all.filter(([, , , a]) => a === 255).length).toBeGreaterThan(all.length * 0.3);
    expect(all.filter(([, , , a]) => a === 0).length).toBeGreaterThan(0);
  });
});

describe('app icon', () => {
  it.each([16, 24, 32, 48, 64, 128, 256, 512, 1024])('the %i px app icon has its size and is not blank', (size) => {
    const png = decodePng(readFileSync(join(root, `build/icons/${size}x${size}.png`)));
    expect([png.width, png.height]).toEqual([size, size]);
    expect(pixels(png).filter(([, , , a]) => a === 255).length).toBeGreaterThan(size * size * 0.4);
  });

  it('has a 512 px build/icon.png', () => {
    expect(pngSize(readFileSync(join(root, 'build/icon.png')))).toEqual({ width: 512, height: 512 });
  });

  it('has a well-formed .icns whose length field is the file length', () => {
    const icns = readFileSync(join(root, 'build/icon.icns'));
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
  });

  it('has a .ico with a 256 px entry (the Windows installer and exe need it)', () => {
    const ico = readFileSync(join(root, 'build/icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    // In an ICONDIRENTRY a width byte of 0 means 256.
    const widths = Array.from({ length: count }, (_, i) => ico[6 + i * 16] || 256);
    expect(widths).toContain(256);
    expect(widths).toContain(16);
  });

  it('keeps the macOS entitlements the hardened runtime is signed with', () => {
    expect(existsSync(join(root, 'build/entitlements.mac.plist'))).toBe(true);
    expect(readFileSync(join(root, 'build/entitlements.mac.plist'), 'utf8')).toContain(
      'com.apple.security.cs.allow-jit',
    );
  });
});
