#!/usr/bin/env bash
# Renders the app icon files from the master drawing icons/omne-inspector.svg:
#   icons/omne-inspector-{16,...,1024}.png   PNGs (the Linux installer takes the 256 px one)
#   icons/omne-inspector.ico                 Windows, 16-256 px in one file
#   icons/omne-inspector.icns                macOS, 16-1024 px in one file
#   src/main/resources/dev/omne/inspector/icons/omne-inspector-{16,...,256}.png   the window's Stage icons
#   packaging/linux/resources/omne-inspector.png         the desktop entry's icon in .deb and .rpm
#   packaging/macos/resources/omne-inspector-volume.icns the .dmg's volume icon
# Needs rsvg-convert, ImageMagick and png2icns: apt-get install librsvg2-bin imagemagick icnsutils
# The output is committed; run this again after changing the SVG.
set -euo pipefail
cd "$(dirname "$0")"

svg=omne-inspector.svg
sizes=(16 24 32 48 64 128 256 512 1024)
ico_sizes=(16 24 32 48 64 128 256)
icns_sizes=(16 32 48 128 256 512 1024)   # the sizes the icns format has
stage_sizes=(16 24 32 48 64 128 256)
resources=../src/main/resources/dev/omne/inspector/icons

if command -v magick >/dev/null; then im=(magick); else im=(convert); fi
missing=()
command -v rsvg-convert >/dev/null || missing+=(librsvg2-bin)
command -v "${im[0]}" >/dev/null || missing+=(imagemagick)
command -v png2icns >/dev/null || missing+=(icnsutils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "icons/generate.sh needs: apt-get install ${missing[*]}" >&2
  exit 1
fi

for s in "${sizes[@]}"; do
  rsvg-convert --width "$s" --height "$s" --format png "$svg" --output "omne-inspector-$s.png"
done

ico_in=()
for s in "${ico_sizes[@]}"; do ico_in+=("omne-inspector-$s.png"); done
"${im[@]}" "${ico_in[@]}" omne-inspector.ico

icns_in=()
for s in "${icns_sizes[@]}"; do icns_in+=("omne-inspector-$s.png"); done
png2icns omne-inspector.icns "${icns_in[@]}" >/dev/null

mkdir -p "$resources"
for s in "${stage_sizes[@]}"; do cp "omne-inspector-$s.png" "$resources/"; done
# Installers built from an app image take their icons from jpackage's resource folders.
mkdir -p ../packaging/linux/resources ../packaging/macos/resources
cp omne-inspector-256.png ../packaging/linux/resources/omne-inspector.png
cp omne-inspector.icns ../packaging/macos/resources/omne-inspector-volume.icns

ls -l omne-inspector.ico omne-inspector.icns omne-inspector-*.png | awk '{ print $5, $NF }'
