#!/bin/bash
# Runs on the lent GPU machine (see bench/device/README.md): unpacks the kit that bench/device/prepare.mjs
# built, makes Dawn use the NVIDIA Vulkan driver, and runs the Node WebGPU benchmark (engine gpu.js webgpu
# vs TF.js webgpu on W1 and W2). Results (JSON, Markdown, the log, nvidia-smi) go to $OUT.
# Extra arguments go to bench/run.ts, e.g. --epochs=3 or --only=W2,webgpu.
set -uo pipefail
KIT="$(cd "$(dirname "$0")" && pwd)"
export PATH="$PATH:/usr/sbin:/sbin"
OUT="${OUT:-$KIT/results}"
mkdir -p "$OUT"
exec > >(tee "$OUT/log.txt") 2>&1

if ! ldconfig -p 2>/dev/null | grep -q 'libvulkan.so.1'; then
  for f in "$KIT"/debs/*.deb; do [ -e "$f" ] && dpkg -x "$f" /; done
  ldconfig
fi
NODE=/tmp/kit-node
if [ ! -x "$NODE" ]; then
  if command -v xz >/dev/null; then xz -dc "$KIT/node.xz" > "$NODE"
  else python3 -c 'import lzma, shutil, sys; shutil.copyfileobj(lzma.open(sys.argv[1]), open(sys.argv[2], "wb"))' "$KIT/node.xz" "$NODE"; fi
  chmod +x "$NODE"
fi
DAWN="$KIT/webgpu/dist/linux-x64/dawn.node"
if [ ! -e "$DAWN" ]; then
  if command -v xz >/dev/null; then xz -dk "$DAWN.xz"
  else python3 -c 'import lzma, shutil, sys; shutil.copyfileobj(lzma.open(sys.argv[1]), open(sys.argv[2], "wb"))' "$DAWN.xz" "$DAWN"; fi
fi
# The NVIDIA driver's ICD and EGL vendor files live under /usr/local/nvidia on the lent machines.
if [ -z "${VK_ICD_FILENAMES:-}" ] && [ -e /usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json ]; then
  export VK_DRIVER_FILES=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
fi
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp}"
export BACKPROP_WEBGPU_MODULE="$KIT/webgpu/index.js" BENCH_BUNDLE_DIR="$KIT/bench" BENCH_RESULTS_DIR="$OUT"
command -v nvidia-smi >/dev/null && nvidia-smi > "$OUT/nvidia-smi.txt" 2>&1
echo "Node $("$NODE" --version); probe: $("$NODE" "$KIT/bench/node-webgpu-probe.mjs" 2>/dev/null | tail -1)"
case " $* " in *" --only="*) ONLY=() ;; *) ONLY=(--only=W1,W2,webgpu) ;; esac
cd "$KIT/bench" && "$NODE" run.mjs "${ONLY[@]}" "$@"
