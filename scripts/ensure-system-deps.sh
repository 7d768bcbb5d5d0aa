#!/usr/bin/env bash
# Installs the Debian packages the tests need when they are missing: Chromium (the browser
# specs), libusb (node-hid's runtime library) and Prometheus (the metrics scrape test). Needs root; otherwise says what to install.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
ldconfig -p 2>/dev/null | grep -q 'libusb-1.0.so.0' || [ -e /usr/lib/x86_64-linux-gnu/libusb-1.0.so.0 ] || need+=(libusb-1.0-0)
command -v prometheus >/dev/null 2>&1 || need+=(prometheus)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing ${need[*]} (apt-get)..." >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
else
  echo "missing: ${need[*]}; install them (sudo apt-get install ${need[*]}) for the browser, scanner and metrics tests" >&2
  exit 1
fi
