#!/usr/bin/env bash
# Builds the native installers of the OS it runs on (jpackage cannot cross-build):
#   1. the jar and its libraries (./mvnw package), unless --no-build
#   2. jdeps picks the JDK modules; jlink makes a trimmed runtime with them and JavaFX's modules,
#      with jlink's CDS archive, and JavaFX's native libraries copied into the runtime (so nothing is
#      unpacked into ~/.openjfx/cache at first start)
#   3. jpackage makes the app image; a training run through its own launcher (a check over a generated
#      log, then the window until it is shown) leaves a JDK 25 AOT cache beside the jar; on Linux a
#      script that starts the same JVM takes the place of jpackage's launcher (see below why)
#   4. jpackage makes the installers from that app image
# Options live in argument files: packaging/common/*.args (every OS), packaging/{linux,macos,windows}/:
#   jlink.args, app-image.args (the app image: icon, launchers), installer.args (every installer of that OS),
#   TYPE.args (one kind of installer, e.g. linux/deb.args).
#
# Usage: packaging/package.sh [--no-build] [--no-aot] [TYPE...]
#   TYPE        app-image, deb, rpm (Linux); dmg, pkg (macOS); msi, exe (Windows). Default: Linux deb
#               (and rpm when rpmbuild is installed), macOS dmg, Windows msi. app-image alone stops after step 3.
#   --no-build  use target/omne-inspector.jar and target/lib as they are (after ./mvnw package or verify)
#   --no-aot    no AOT cache: the launcher starts on jlink's CDS archive alone
# Output: the app image in target/jpackage/image/, the installers in target/installer/.
# Needs a JDK 25 (JAVA_HOME, or found like .ci/run does). Linux: binutils (jlink's --strip-debug runs
# objcopy), fakeroot for deb, rpm-build (rpmbuild) for rpm. Windows: the WiX Toolset for msi/exe.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "package.sh: $*"; }
die() { echo "package.sh: $*" >&2; exit 1; }

build=1
aot=1
# Modification time given to the app's jars before AOT training (2026-01-01T00:00:00Z); postinst restores it.
aot_jar_time=1767225600
types=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --no-aot) aot=0 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    -*) die "unknown option $arg (see --help)" ;;
    *) types+=("$arg") ;;
  esac
done

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=macos ;;
  MINGW*|MSYS*|CYGWIN*) os=windows ;;
  *) die "unsupported OS $(uname -s)" ;;
esac
if [ ${#types[@]} -eq 0 ]; then
  case "$os" in
    linux) types=(deb); if command -v rpmbuild >/dev/null; then types+=(rpm); fi ;;
    macos) types=(dmg) ;;
    windows) types=(msi) ;;
  esac
fi
for type in "${types[@]}"; do
  case "$os:$type" in
    *:app-image|linux:deb|linux:rpm|macos:dmg|macos:pkg|windows:msi|windows:exe) ;;
    *) die "cannot build '$type' on $os" ;;
  esac
done

# ---- JDK 25 (.ci/jdk25.sh) ----
source .ci/jdk25.sh
jdk_bin=$JAVA_HOME/bin
say "JDK at $JAVA_HOME"

if [ "$os" = linux ]; then
  command -v objcopy >/dev/null || die "jlink --strip-debug needs objcopy: apt-get install binutils"
  for type in "${types[@]}"; do
    if [ "$type" = deb ]; then command -v fakeroot >/dev/null || die "a .deb needs fakeroot: apt-get install fakeroot"; fi
    if [ "$type" = rpm ]; then command -v rpmbuild >/dev/null || die "an .rpm needs rpmbuild: apt-get install rpm (or dnf install rpm-build)"; fi
  done
fi

# ---- 1. the jar ----
if [ "$build" = 1 ]; then
  say "building the jar"
  ./mvnw -B -ntp ${MVN_ARGS:-} -DskipTests package
fi
[ -f target/omne-inspector.jar ] && [ -d target/lib ] \
  || die "target/omne-inspector.jar or target/lib missing: run ./mvnw package (or drop --no-build)"

version=$(sed -n 's:^  <version>\([^<]*\)</version>.*:\1:p' pom.xml | head -n 1)
version=${version%-SNAPSHOT}
[ -n "$version" ] || die "no <version> in pom.xml"
say "version $version"

# Paths handed to the JDK tools stay relative to the repository: nothing to translate on Windows.
work=target/jpackage
rm -rf "$work" target/installer
mkdir -p "$work/input/lib" target/installer

# JavaFX comes as platform jars (javafx-graphics-26.0.2-linux.jar, -win, -mac, -mac-aarch64) that are modules
# for jlink, and platform-less stubs (javafx-graphics-26.0.2.jar) that are left out. Everything else is the
# app's class path, copied as Maven laid it out (the jar's manifest names lib/...).
fx_jars=()
for jar in target/lib/*.jar; do
  name=$(basename "$jar")
  case "$name" in
    javafx-*-[0-9]*-*.jar) fx_jars+=("$jar") ;;
    javafx-*.jar) ;;
    *) cp "$jar" "$work/input/lib/" ;;
  esac
done
[ ${#fx_jars[@]} -gt 0 ] || die "no JavaFX platform jars in target/lib"
cp target/omne-inspector.jar "$work/input/"
if [ "$os" = windows ]; then sep=';'; else sep=':'; fi
fx_path=$(IFS="$sep"; echo "${fx_jars[*]}")
app_cp=$(cd "$work/input" && ls lib/*.jar | sed "s:^:$work/input/:" | paste -sd "$sep" -)

# ---- 2. runtime ----
say "jdeps: which modules"
modules=$("$jdk_bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 25 \
  --module-path "$fx_path" --class-path "$app_cp" "$work/input/omne-inspector.jar" | tr -d '\r')
[ -n "$modules" ] || die "jdeps printed no modules"
say "modules: $modules"

say "jlink"
"$jdk_bin/jlink" @packaging/common/jlink.args @"packaging/$os/jlink.args" \
  --module-path "$fx_path" --add-modules "$modules" --output "$work/runtime"

# JavaFX's native libraries go where the runtime keeps its own (lib/, bin/ on Windows): JavaFX loads them
# from there instead of unpacking the copies inside its jars into ~/.openjfx/cache.
case "$os" in
  linux) native_ext=so; native_dir=lib ;;
  macos) native_ext=dylib; native_dir=lib ;;
  windows) native_ext=dll; native_dir=bin ;;
esac
mkdir -p "$work/natives"
for jar in "${fx_jars[@]}"; do
  entries=()
  while IFS= read -r entry; do entries+=("$entry"); done \
    < <("$jdk_bin/jar" tf "$jar" | tr -d '\r' | grep -E "^[^/]+\.$native_ext\$" || true)
  [ ${#entries[@]} -eq 0 ] || (cd "$work/natives" && "$jdk_bin/jar" xf "../../../$jar" "${entries[@]}")
done
copied=0
for lib in "$work/natives"/*; do
  [ -e "$lib" ] || continue
  if [ -e "$work/runtime/$native_dir/$(basename "$lib")" ]; then
    say "keeping the runtime's own $(basename "$lib")"
  else
    cp "$lib" "$work/runtime/$native_dir/"
    copied=$((copied + 1))
  fi
done
[ "$copied" -gt 0 ] || die "no JavaFX native libraries found in ${fx_jars[*]}"
say "copied $copied JavaFX native libraries into the runtime's $native_dir/"
# The archive for heaps over 32 GB (no compressed oops) is of no use to this app.
find "$work/runtime" -name 'classes_nocoops*.jsa' -exec rm -f {} +

# ---- 3. app image, AOT cache ----
aot_args=()
if [ "$aot" = 1 ]; then aot_args=(@packaging/common/aot.args); fi
say "jpackage app-image"
"$jdk_bin/jpackage" @packaging/common/jpackage.args @packaging/common/launcher.args ${aot_args[@]+"${aot_args[@]}"} \
  @"packaging/$os/app-image.args" --type app-image --input "$work/input" --main-jar omne-inspector.jar --runtime-image "$work/runtime" \
  --app-version "$version" --dest "$work/image"

case "$os" in
  linux) image=$work/image/omne-inspector; app_dir=$image/lib/app; launcher=$image/bin/omne-inspector ;;
  macos) image=$work/image/omne-inspector.app; app_dir=$image/Contents/app; launcher=$image/Contents/MacOS/omne-inspector ;;
  windows) image=$work/image/omne-inspector; app_dir=$image/app; launcher=$image/omne-inspector-cli.exe ;;
esac
[ -x "$launcher" ] || die "no launcher at $launcher"

if [ "$aot" = 1 ]; then
  # The cache must come from the very runtime, class path and options the launcher uses, so the training
  # runs through the launcher; its .cfg names the cache, which must not be there while it is being made.
  say "training the AOT cache"
  # The cache records each class-path jar's modification time; installers copy files and reset it. So the jars
  # get one fixed time here, and the Linux packages' install scripts set it again after unpacking.
  find "$app_dir" -name '*.jar' -exec touch -m -d "@$aot_jar_time" {} +
  cfg=$app_dir/$(basename "$launcher" .exe).cfg
  cp "$cfg" "$work/launcher.cfg"
  grep -v -- '-XX:AOTCache=' "$work/launcher.cfg" > "$cfg"
  "$launcher" generate --file "$work/training/events.jsonl" --events 200000 --malformed-every 1000 --seed 7 \
    > "$work/training.log" 2>&1 || { cat "$work/training.log" >&2; die "generating the training log failed"; }
  training_opts="-Domne.training.log=$work/training/events.jsonl -XX:AOTCacheOutput=$app_dir/omne-inspector.aot"
  # The window needs no display for this: JavaFX's headless platform loads the same toolkit classes.
  training_opts="$training_opts -Dglass.platform=Headless -Dprism.order=sw"
  status=0
  JAVA_TOOL_OPTIONS="$training_opts" "$launcher" > "$work/training.log" 2>&1 || status=$?
  cp "$work/launcher.cfg" "$cfg"
  if [ "$status" -ne 0 ] || [ ! -s "$app_dir/omne-inspector.aot" ]; then
    cat "$work/training.log" >&2
    die "the AOT training run failed (exit $status); --no-aot builds without the cache"
  fi
  rm -rf "$work/training"
  say "AOT cache: $(du -h "$app_dir/omne-inspector.aot" | cut -f1)"
fi
if [ "$os" = linux ]; then
  # jpackage's Linux launcher runs rpm -qf, dpkg -S and dpkg -L on itself before every start (to find
  # its package), about a second on a Debian system. In its place goes a script that starts the very
  # same JVM: the options of the launcher's .cfg, then -jar on the main jar, as jpackage's launcher does.
  cfg=$app_dir/omne-inspector.cfg
  main_jar=$(sed -n 's/^app\.mainjar=//p' "$cfg")
  [ -n "$main_jar" ] || die "no app.mainjar in $cfg"
  java_opts=()
  while IFS= read -r opt; do java_opts+=("$opt"); done < <(sed -n 's/^java-options=//p' "$cfg")
  case "$main_jar ${java_opts[*]}" in
    *'"'*|*'\'*|*'`'*) die "cannot quote the options of $cfg for a shell script" ;;
  esac
  {
    printf '%s\n' '#!/bin/sh' \
      '# omne inspector launcher, written by packaging/package.sh from lib/app/omne-inspector.cfg: it starts' \
      "# the bundled runtime as jpackage's launcher would, without first asking rpm and dpkg which package" \
      '# owns it (about a second). With no argument or a folder: the window; with a command (check,' \
      '# inject, ...): the command line, which needs no display.' \
      'root=$(dirname "$(dirname "$(readlink -f "$0")")")' \
      'APPDIR=$root/lib/app' \
      'exec "$root/lib/runtime/bin/java" \'
    for opt in "${java_opts[@]}"; do printf '  "%s" \\\n' "$opt"; done
    printf '  "%s" \\\n' '-Djpackage.app-path=$root/bin/omne-inspector'
    printf '  -jar "%s" "$@"\n' "$main_jar"
  } > "$launcher.sh"
  chmod 755 "$launcher.sh"
  mv "$launcher.sh" "$launcher"
  rm -f "$image/lib/libapplauncher.so"
fi
if [ "$os" = macos ]; then
  # Adding the cache changed the bundle after jpackage signed it (ad hoc): sign it again.
  codesign --force --deep --sign - "$image"
fi

# Smoke test of the launcher as a command line: a check over a small generated volume.
"$launcher" generate --out "$work/smoke" --runs 2 --events 50 --malformed-every 25 >/dev/null
smoke=$("$launcher" check "$work/smoke" 2>&1 | tr -d '\r' | tail -n 1) || true
if echo "$smoke" | grep -Eq '^2 runs, [0-9]+ events, [1-9][0-9]* errors'; then
  say "launcher check: $smoke"
else
  die "the launcher's check printed '$smoke'"
fi
rm -rf "$work/smoke"
say "app image: $image ($(du -sh "$image" | cut -f1))"

# ---- 4. installers ----
for type in "${types[@]}"; do
  [ "$type" != app-image ] || continue
  type_args=()
  if [ -f "packaging/$os/$type.args" ]; then type_args=(@"packaging/$os/$type.args"); fi
  say "jpackage $type"
  "$jdk_bin/jpackage" @packaging/common/jpackage.args @"packaging/$os/installer.args" ${type_args[@]+"${type_args[@]}"} \
    --type "$type" --app-image "$image" --app-version "$version" --dest target/installer
done
for file in target/installer/*; do
  [ -e "$file" ] && say "installer: $file ($(du -h "$file" | cut -f1))"
done
exit 0
