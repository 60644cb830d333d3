#!/usr/bin/env bash
# Install the Debian 12 packages that building and testing libddbgt need,
# skipping those already present. Uses sudo when not run as root.
set -euo pipefail
pkgs=(build-essential autoconf automake libtool pkg-config libjansson-dev check valgrind)
# CloudFormation YAML templates (ddbgt import).
pkgs+=(libyaml-dev)
# Manual pages and the Python binding (python3), the Go binding, the ABI
# check, and building, installing and checking the Debian packages.
pkgs+=(python3 man-db golang-go abigail-tools dpkg-dev debhelper lintian)
# The SARIF output is checked against the SARIF 2.1.0 schema.
pkgs+=(python3-jsonschema)
# .pre-commit-hooks.yaml is run by pre-commit itself in a test.
pkgs+=(pre-commit git)
# The python3-ddbgt package, and installing the binding with pip in a test.
pkgs+=(dh-python python3-venv python3-setuptools python3-wheel python3-pip)
# The fuzzing build (libFuzzer) and the ThreadSanitizer build.
pkgs+=(clang libclang-rt-14-dev)
need=()
for pkg in "${pkgs[@]}"; do
	dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
# The AWS provider's arguments for provider 6.29 and newer, as @pulumi/aws declares them
# (tests/emit-pulumi.sh); optional: without npm or the network the fetch says so and the
# check is skipped.
fetch_pulumi() { sh "$(dirname "$0")/tests/fetch-pulumi-aws.sh" || true; }
if [ ${#need[@]} -eq 0 ]; then
	fetch_pulumi
	exit 0
fi
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fetch_pulumi
