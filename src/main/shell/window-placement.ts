/**
 * Where the glance window goes. Where the system reports the tray icon's bounds (macOS,
 * Windows) the window opens against it like a popover: under a menu bar at the top, over a
 * taskbar at the bottom, beside one at the side, always inside the work area. Where it does
 * not (most Linux panels report zeros), there is no anchor and the window manager places a
 * normal small window. Pure, so every case is a table test.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Narrow like a tray popover. It opens at `height` and then takes the height its view needs
 * (`fittedHeight`), never taller than a small screen.
 */
export const GLANCE_SIZE = { width: 400, height: 580, minWidth: 320, minHeight: 360, maxHeight: 600 } as const;

/** The window height for a view that needs `needed` CSS px: the glance sized to content. */
export function fittedHeight(needed: number): number {
  return Math.round(Math.min(GLANCE_SIZE.maxHeight, Math.max(GLANCE_SIZE.minHeight, needed)));
}

const GAP = 6;

/** The anchored position, or null when the tray's bounds are unknown (let the system place it). */
export function glancePosition(
  tray: Rect | null,
  workArea: Rect,
  size: { width: number; height: number },
): { x: number; y: number } | null {
  if (!tray || tray.width <= 0 || tray.height <= 0) return null;
  const width = Math.min(size.width, workArea.width - 2 * GAP);
  const height = Math.min(size.height, workArea.height - 2 * GAP);
  const right = workArea.x + workArea.width;
  const bottom = workArea.y + workArea.height;
  const clampX = (x: number) => Math.round(Math.min(Math.max(x, workArea.x + GAP), right - width - GAP));
  const clampY = (y: number) => Math.round(Math.min(Math.max(y, workArea.y + GAP), bottom - height - GAP));
  const centreX = tray.x + tray.width / 2;
  const centreY = tray.y + tray.height / 2;

  // A bar at the side: the tray lies left or right of the work area.
  if (tray.x + tray.width <= workArea.x) return { x: workArea.x + GAP, y: clampY(centreY - height / 2) };
  if (tray.x >= right) return { x: right - width - GAP, y: clampY(centreY - height / 2) };
  // A bar at the bottom (Windows' default taskbar): above the icon.
  if (centreY >= workArea.y + workArea.height / 2)
    return { x: clampX(centreX - width / 2), y: clampY(tray.y - height - GAP) };
  // A bar at the top (macOS menu bar): below the icon.
  return { x: clampX(centreX - width / 2), y: clampY(tray.y + tray.height + GAP) };
}

/** A popover goes away when the user clicks elsewhere; a normal window (no anchor) stays. */
export function hidesOnBlur(anchored: boolean): boolean {
  return anchored;
}
