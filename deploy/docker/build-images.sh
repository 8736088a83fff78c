#!/usr/bin/env bash
# Builds the container image of every service where a container engine exists (docker, podman or
# buildah). The project's development machines and CI have none, so there this script only builds
# the jars and says that it cannot go further.
#
#   deploy/docker/build-images.sh [TAG] [REGISTRY]
#     TAG       image tag, default: the Maven version without -SNAPSHOT (e.g. 0.1.0)
#     REGISTRY  default: registry.zhaoshang.example.gov.cn/zhaoshang
set -euo pipefail
cd "$(dirname "$0")/../.."

SERVICES=(gateway:8080 project-service:8081 enterprise-service:8082 targets-service:8083 reporting-service:8084)
VERSION=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' pom.xml | head -n1)
TAG=${1:-${VERSION%-SNAPSHOT}}
REGISTRY=${2:-registry.zhaoshang.example.gov.cn/zhaoshang}

engine=""
for candidate in docker podman buildah; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" info >/dev/null 2>&1; then
    engine=$candidate; break
  fi
done

modules=$(printf '%s,' "${SERVICES[@]%%:*}"); modules=${modules%,}
./mvnw -B -q -pl "$modules" -am package -DskipTests

if [[ -z "$engine" ]]; then
  echo "No working container engine (docker, podman or buildah) here: built the jars only." >&2
  echo "Run this script where one exists to build the images." >&2
  exit 2
fi

for entry in "${SERVICES[@]}"; do
  module=${entry%%:*}; port=${entry##*:}
  # the gateway's actuator has a port of its own (gateway/src/main/resources/application.yml)
  management_port=$port; [[ $module == gateway ]] && management_port=9080
  image="$REGISTRY/$module:$TAG"
  echo "building $image"
  if [[ "$engine" == buildah ]]; then
    buildah bud -f deploy/docker/Dockerfile --build-arg MODULE="$module" --build-arg VERSION="$VERSION" --build-arg PORT="$port" --build-arg MANAGEMENT_PORT="$management_port" -t "$image" .
  else
    "$engine" build -f deploy/docker/Dockerfile --build-arg MODULE="$module" --build-arg VERSION="$VERSION" --build-arg PORT="$port" --build-arg MANAGEMENT_PORT="$management_port" -t "$image" .
  fi
done
echo "Built ${#SERVICES[@]} images tagged $TAG. Set the same tag in deploy/overlays/<overlay>/kustomization.yaml (images:)."
