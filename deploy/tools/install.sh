#!/usr/bin/env bash
# Makes sure the tools the deploy module's tests need are here: kubectl, whose built-in kustomize
# (v5.5 or later) renders the overlays. Idempotent; safe to call from .ci/run before ./mvnw verify.
#
# kubectl is not in Debian's own archive. The project's machines have it preinstalled (package
# "kubectl"); elsewhere this script installs it with apt only if a configured apt source offers it,
# and otherwise says what is missing and fails.
set -euo pipefail

have_kustomize() {
  command -v kubectl >/dev/null 2>&1 && kubectl version --client 2>/dev/null | grep -q '^Kustomize Version: v5\.'
}

if have_kustomize; then
  kubectl version --client 2>/dev/null | sed 's/^/deploy tools: /'
  exit 0
fi

if command -v apt-get >/dev/null 2>&1; then
  sudo_cmd=""
  [[ $(id -u) -eq 0 ]] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq || true
  if apt-cache policy kubectl 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq kubectl
  fi
fi

if have_kustomize; then
  kubectl version --client 2>/dev/null | sed 's/^/deploy tools: /'
  exit 0
fi

echo "deploy tools: kubectl with kustomize v5 is missing, and no configured apt source offers it." >&2
echo "deploy tools: the deploy module's tests render the overlays with 'kubectl kustomize' and will fail without it." >&2
exit 1
