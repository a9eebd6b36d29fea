import { describe, expect, it } from 'vitest';
import { GLANCE_SIZE, glancePosition, type Rect } from '../../src/main/shell/window-placement.js';

const size = { width: 400, height: 580 };
const screen1440: Rect = { x: 0, y: 25, width: 1440, height: 875 }; // macOS: menu bar above the work area
const win1080: Rect = { x: 0, y: 0, width: 1920, height: 1040 }; // Windows: taskbar below

describe('glance window position', () => {
  it('macOS: under the menu-bar icon, centred on it', () => {
    expect(glancePosition({ x: 1200, y: 0, width: 24, height: 24 }, screen1440, size)).toEqual({ x: 1012, y: 31 });
  });

  it('keeps inside the screen when the icon is near its edge', () => {
    const at = glancePosition({ x: 1420, y: 0, width: 20, height: 24 }, screen1440, size);
    expect(at).toEqual({ x: 1440 - 400 - 6, y: 31 });
  });

  it('Windows: above a taskbar icon at the bottom', () => {
    expect(glancePosition({ x: 1700, y: 1048, width: 24, height: 24 }, win1080, size)).toEqual({
      x: 1512,
      y: 1040 - 580 - 6,
    });
  });

  it('a taskbar on the left or right: beside it', () => {
    const left: Rect = { x: 60, y: 0, width: 1860, height: 1080 };
    expect(glancePosition({ x: 18, y: 1000, width: 24, height: 24 }, left, size)).toEqual({ x: 66, y: 1080 - 580 - 6 });
    const right: Rect = { x: 0, y: 0, width: 1860, height: 1080 };
    expect(glancePosition({ x: 1878, y: 500, width: 24, height: 24 }, right, size)).toEqual({
      x: 1860 - 400 - 6,
      y: 222,
    });
  });

  it('no anchor where the tray reports no bounds (Linux): the system places a normal window', () => {
    expect(glancePosition(null, win1080, size)).toBeNull();
    expect(glancePosition({ x: 0, y: 0, width: 0, height: 0 }, win1080, size)).toBeNull();
  });

  it('a small screen: the window shrinks to fit rather than leaving it', () => {
    const small: Rect = { x: 0, y: 0, width: 1024, height: 560 };
    const at = glancePosition({ x: 900, y: 570, width: 24, height: 24 }, small, GLANCE_SIZE);
    expect(at?.y).toBe(6);
  });
});
