# Shared by scripts/build, scripts/demo and scripts/test (sourced, not run).
# Each ensure_* function installs what is missing and does nothing when the
# right version is already there, so a fresh machine needs no manual steps.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WASM_TARGET=wasm32-unknown-unknown
# Outside the clone, so that every clone on this machine shares one build.
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/episode-viewer/target}
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
USE_BUILD_STD=0

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_debian_packages() {
  local missing=() package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return
  log "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# rustup's wasm32 target where rustup can download it; otherwise Debian's
# rustc-web, which has no prebuilt wasm32 std, so std is built from source.
# EPISODE_VIEWER_RUST=debian forces the Debian route (to test it).
ensure_wasm_toolchain() {
  if [ "${EPISODE_VIEWER_RUST:-}" = debian ]; then
    ensure_debian_packages rustc-web cargo-web rust-web-src lld-22
    USE_BUILD_STD=1
    return
  fi
  if ! command -v cargo >/dev/null; then
    log "installing Rust from Debian (no rustup on this machine)"
    ensure_debian_packages rustc-web cargo-web rust-web-src lld-22
  fi
  if command -v rustup >/dev/null; then
    if rustup target list --installed 2>/dev/null | grep -qx "$WASM_TARGET"; then return; fi
    log "adding the $WASM_TARGET target with rustup (gives up after 30 s)"
    if timeout 30 rustup target add "$WASM_TARGET" >/dev/null 2>&1 &&
      rustup target list --installed 2>/dev/null | grep -qx "$WASM_TARGET"; then
      return
    fi
  fi
  log "rustup cannot provide $WASM_TARGET here: using Debian's rustc-web with build-std"
  ensure_debian_packages rustc-web cargo-web rust-web-src lld-22
  USE_BUILD_STD=1
}

# Runs a cargo subcommand for the wasm target: wasm_cargo build --release ...
wasm_cargo() {
  local subcommand=$1
  shift
  if [ "$USE_BUILD_STD" = 1 ]; then
    PATH="/usr/bin:$PATH" RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
      cargo "$subcommand" --target "$WASM_TARGET" "$@"
  else
    cargo "$subcommand" --target "$WASM_TARGET" "$@"
  fi
}

# The release (size) build always compiles std itself, with Debian's
# rustc-web and its std sources, optimised for size like the rest and
# without panic messages, source locations or Debug formatting, and with
# std's own size-over-speed choices (optimize_for_size: smaller sorts and
# number formatting): the same bytes on every machine, whichever route the
# debug builds take.
ensure_size_toolchain() {
  ensure_debian_packages rustc-web cargo-web rust-web-src lld-22
}

size_cargo_build() {
  PATH="/usr/bin:$PATH" RUSTC_BOOTSTRAP=1 \
    RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none" \
    cargo build --target "$WASM_TARGET" -Zbuild-std=std,panic_abort \
    -Zbuild-std-features=optimize_for_size --release "$@"
}

# wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock.
ensure_wasm_bindgen() {
  local version
  version=$(grep -A1 '^name = "wasm-bindgen"$' "$ROOT/Cargo.lock" | sed -n 's/^version = "\(.*\)"$/\1/p')
  if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $version" ]; then return; fi
  log "installing wasm-bindgen-cli $version (takes 6-17 minutes on 2 cores)"
  ensure_debian_packages pkg-config libssl-dev
  cargo install wasm-bindgen-cli --version "=$version"
}

# wasm-opt (npm binaryen), esbuild (minifies the release JavaScript) and
# playwright-core, as package-lock.json pins them.
ensure_node_packages() {
  command -v npm >/dev/null || ensure_debian_packages nodejs npm
  local stamp="$ROOT/node_modules/.installed-from-lock"
  if [ -f "$stamp" ] && cmp -s "$stamp" "$ROOT/package-lock.json"; then return; fi
  log "installing npm packages"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$ROOT/package-lock.json" "$stamp"
}

# Everything `scripts/build` needs.
ensure_build_tools() {
  ensure_debian_packages espeak-ng sox libsox-fmt-mp3
  ensure_wasm_toolchain
  ensure_wasm_bindgen
  ensure_node_packages
}

# Everything the tests need on top of the build.
ensure_test_tools() {
  ensure_build_tools
  ensure_debian_packages chromium chromium-driver
}

# cargo-fuzz (libFuzzer), for scripts/fuzz. It runs on the stable toolchain
# with RUSTC_BOOTSTRAP=1 and no sanitizer: the core has no unsafe code, so
# AddressSanitizer would only halve the speed.
ensure_cargo_fuzz() {
  ensure_debian_packages g++ # libfuzzer-sys compiles libFuzzer itself
  if cargo fuzz --version >/dev/null 2>&1; then return; fi
  log "installing cargo-fuzz (about 1 minute)"
  cargo install cargo-fuzz --locked
}
