#!/usr/bin/env bash
# Renders the app icon's PNG sizes from its SVG (assets/desktop/icons), for the hicolor
# theme. Run after editing the SVG; the PNGs are committed, so builds need no renderer.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v rsvg-convert > /dev/null || { echo "render-icons: needs rsvg-convert (apt-get install librsvg2-bin)" >&2; exit 1; }
svg=assets/desktop/icons/org.poolscope.Poolscope.svg
for size in 16 24 32 48 64 128 256; do
  mkdir -p "assets/desktop/icons/${size}x${size}"
  rsvg-convert -w "$size" -h "$size" "$svg" -o "assets/desktop/icons/${size}x${size}/org.poolscope.Poolscope.png"
done
echo "render-icons: wrote 7 sizes"
