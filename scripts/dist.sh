#!/usr/bin/env bash
# Build the release binaries of shenbao with their version in them:
#   scripts/dist.sh [VERSION]      (default: git describe)
# writes dist/shenbao-VERSION-windows-amd64.exe, -windows-386.exe,
# -linux-amd64 and -darwin-arm64, and SHA256SUMS. Pure Go (no cgo), so one
# machine builds them all.
set -euo pipefail
cd "$(dirname "$0")/.."

version="${1:-$(git describe --tags --always --dirty 2>/dev/null || echo dev)}"
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
date="$(date -u +%Y-%m-%d)"
ldflags="-s -w -X 'main.version=${version} (${commit}, ${date})'"

out=dist
rm -rf "$out"
mkdir -p "$out"
export CGO_ENABLED=0
for target in windows/amd64 windows/386 linux/amd64 darwin/arm64; do
  goos="${target%/*}"
  goarch="${target#*/}"
  name="shenbao-${version}-${goos}-${goarch}"
  [ "$goos" = windows ] && name="${name}.exe"
  echo "building ${name}"
  GOOS="$goos" GOARCH="$goarch" go build -trimpath -ldflags "$ldflags" -o "${out}/${name}" ./cmd/shenbao
done
(cd "$out" && sha256sum -- * > SHA256SUMS)
echo "done: ${out}/"
ls -l "$out"
