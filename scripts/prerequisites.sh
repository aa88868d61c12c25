#!/usr/bin/env bash
# Installs and starts what Course needs on a Debian machine: the Docker engine, the
# Fashion-MNIST package, debootstrap and busybox for image recipes, a local SMTP server for
# e-mail tests, Chromium for the pages' browser tests, PostgreSQL for the scale-out path, s3rver (an S3-compatible
# server, into tools/) for the blob store in a bucket, and a one-machine Slurm cluster for the Slurm engine
# (scripts/slurm.sh). Idempotent and non-interactive.
set -euo pipefail

need_root() { [ "$(id -u)" = 0 ] || { echo "prerequisites: run as root (apt-get, dockerd)" >&2; exit 1; }; }
need_root

packages=(docker.io dataset-fashion-mnist debootstrap busybox-static python3-aiosmtpd chromium
          postgresql python3-numpy python3-pandas git nodejs)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "prerequisites: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! docker info >/dev/null 2>&1; then
  echo "prerequisites: starting the Docker engine"
  setsid dockerd >/var/log/dockerd.log 2>&1 < /dev/null &
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 || { echo "prerequisites: dockerd did not start, see /var/log/dockerd.log" >&2; exit 1; }
fi
# Node.js from another source (NodeSource) brings its own npm; Debian's nodejs needs the npm package.
if ! command -v npm >/dev/null 2>&1; then
  echo "prerequisites: installing npm"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm >/dev/null
fi
tools="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tools"
s3rver="$(node -p "require('$tools/node_modules/s3rver/package.json').version" 2>/dev/null || true)"
if [ "$s3rver" != 3.7.1 ]; then
  echo "prerequisites: installing s3rver 3.7.1 into $tools"
  npm install --prefix "$tools" --no-audit --no-fund --silent s3rver@3.7.1
fi

bash "$(dirname "${BASH_SOURCE[0]}")/slurm.sh"
echo "prerequisites: ready (Docker $(docker version --format '{{.Server.Version}}'))"
