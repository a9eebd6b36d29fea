// Renders build/icons/src/*.svg into every PNG, .icns and .ico the app and its installers use.
// The outputs are committed, so packaging never needs the rasterizer (`npm run icons` after a
// drawing changes). Tray icons are drawn on a 32-unit grid so the 16 px size is an exact half.
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const src = join(root, 'build/icons/src');
const trayDir = join(root, 'build/tray');
const iconDir = join(root, 'build/icons');
const APP_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

/**
 * @param {string} svgFile
 * @param {number} size
 */
function render(svgFile, size) {
  const svg = readFileSync(join(src, svgFile));
  // No system fonts: the drawings use shapes only, and this keeps the output identical everywhere.
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } });
  return resvg.render().asPng();
}

/**
 * @param {string} path
 * @param {Uint8Array} data
 */
function write(path, data) {
  writeFileSync(path, data);
  console.log(`icons: ${path.slice(root.length + 1)}`);
}

mkdirSync(join(trayDir, 'linux'), { recursive: true });
for (const file of readdirSync(src).filter((name) => name.startsWith('tray-') && name.endsWith('.svg'))) {
  const state = file.slice('tray-'.length, -'.svg'.length);
  // macOS and Windows: 16 px with 1.5x and 2x siblings (Electron picks by the display's scale).
  write(join(trayDir, `${state}.png`), render(file, 16));
  write(join(trayDir, `${state}@1.5x.png`), render(file, 24));
  write(join(trayDir, `${state}@2x.png`), render(file, 32));
  // Linux panels are mostly 22-24 px high: a 22 px image (and 44 px for 2x) is drawn, not scaled.
  write(join(trayDir, 'linux', `${state}.png`), render(file, 22));
  write(join(trayDir, 'linux', `${state}@2x.png`), render(file, 44));
}

// build/icons/<n>x<n>.png is the layout electron-builder reads for Linux icon sets.
const app = new Map(APP_SIZES.map((size) => [size, render('app.svg', size)]));
for (const [size, png] of app) write(join(iconDir, `${size}x${size}.png`), png);
/** @param {number} size */
const appIcon = (size) => {
  const png = app.get(size);
  if (!png) throw new Error(`icons: no ${size} px rendering of app.svg`);
  return png;
};
write(join(root, 'build/icon.png'), appIcon(512));
const large = appIcon(1024);

const icns = png2icons.createICNS(large, png2icons.BICUBIC, 0);
// PNG-compressed entries keep the .ico small; forWinExe keeps the 256 px entry valid for the exe resource.
const ico = png2icons.createICO(large, png2icons.BICUBIC, 0, true, true);
if (!icns || !ico) throw new Error('icons: png2icons could not convert build/icons/1024x1024.png');
write(join(root, 'build/icon.icns'), icns);
write(join(root, 'build/icon.ico'), ico);
