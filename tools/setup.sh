#!/usr/bin/env bash
# Installs every build, run and test dependency of pfsim from Debian 12 packages.
# Idempotent: apt-get skips what is already installed. Runs as root, or through sudo otherwise.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libboost-dev libboost-math-dev libeigen3-dev
  libhdf5-dev hdf5-tools libtbb-dev libxlsxwriter-dev
  libgtest-dev libgmock-dev libcli11-dev libyaml-cpp-dev libfmt-dev libpcg-cpp-dev
  libopenmpi-dev openmpi-bin
  python3 python3-h5py python3-numpy python3-pandas
  python3-dev pybind11-dev python3-pybind11
  python3-nbclient python3-nbformat python3-ipykernel python3-matplotlib
  r-base-core r-cran-hdf5r
  libcpp-httplib-dev nlohmann-json3-dev
  chromium nodejs iproute2
  libreoffice-calc-nogui
  clang libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# npm drives the browser test (puppeteer-core). A machine whose Node.js comes from elsewhere (e.g. NodeSource, which
# bundles npm) already has it, and Debian's npm package would fight that nodejs; so only add it when there is none.
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: not root and sudo is missing; run as root" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done"
