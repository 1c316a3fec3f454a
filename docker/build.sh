#!/usr/bin/env bash
# Builds the images of AnyCompany Shop and points every manifest in deploy/ at them.
#
#   docker/build.sh                    build anycompany-shop/<image>:<TAG> for this machine's own
#                                      platform and load them into the local Docker engine
#                                      (for kind, minikube or k3d: deploy/overlays/local)
#   docker/build.sh REGISTRY [TAG]     build REGISTRY/<image>:TAG for linux/amd64 and push them
#
# REGISTRY is everything before the image name, e.g.
#   123456789012.dkr.ecr.us-east-1.amazonaws.com/anycompany-shop   (Amazon ECR)
#   docker.io/yourname                                             (Docker Hub)
# Log in first (docker login, or `aws ecr get-login-password | docker login ...`).
#
# TAG defaults to the git commit; with changes not committed yet, to the commit plus
# "-dirty-<UTC time>". Every build of other code gets a new tag, so a node that keeps an image
# (imagePullPolicy IfNotPresent, the default for such tags) never runs an old one by mistake.
#
# Then it rewrites the `image:` of every manifest under deploy/ that names one of these images,
# so that all the workshop's commands (`kubectl apply -f deploy/eks/randomizer.yaml`, ...) and
# `kubectl apply -k` run exactly what was built. The files are yours to commit or to reset.
#
# Environment:
#   PLATFORM   target platform(s) for buildx: linux/arm64 for Graviton nodes, or
#              linux/amd64,linux/arm64 for both (with a registry only). Default: linux/amd64 with
#              a registry (EKS nodes are usually amd64), this machine's platform without.
#   IMAGES     build only these (space separated), e.g. IMAGES="frontend catalogservice"
#   DOCKER     the docker command (default: docker)
set -euo pipefail

# every Java image of the project, one per Maven module (docker/Dockerfile); deploy/ runs all of
# them, xray-local only in deploy/overlays/local (the laptop cluster's stand-in for X-Ray)
MODULES="frontend catalogservice cartservice orderservice recommenderservice imageservice loadgen randomizer xray-local"
# images of something else: dynalite, the local DynamoDB of deploy/overlays/local
OTHER_IMAGES="dynalite"
DEFAULT_REGISTRY=anycompany-shop
# The committed manifests name registry.invalid/anycompany-shop/<image>:unbuilt: ".invalid" is
# reserved (RFC 2606) and never resolves, so an unbuilt image fails at once with a name that says
# what to do, instead of pulling whatever someone may have pushed under a Docker Hub name.
PLACEHOLDER_REGISTRY=registry.invalid/anycompany-shop
UNBUILT_TAG=unbuilt
# the cluster deploy/README.md creates for the laptop path (kind create cluster --name shop)
KIND_CLUSTER=shop

docker=${DOCKER:-docker}
cd "$(dirname "$0")/.."

if [ $# -ge 1 ]; then
  registry=${1%/}
  push=yes
else
  registry=$DEFAULT_REGISTRY
  push=no
fi

if [ $# -ge 2 ]; then
  tag=$2
else
  if ! commit=$(git rev-parse --short=12 HEAD 2>/dev/null); then
    echo "not a git checkout: give the tag, e.g. docker/build.sh $registry 1.0.1" >&2
    exit 2
  fi
  # this script rewrites deploy/ itself; only other changes make the build differ from the commit
  if [ -n "$(git status --porcelain -- . ':(exclude)deploy')" ]; then
    tag="$commit-dirty-$(date -u +%Y%m%d%H%M%S)"
  else
    tag=$commit
  fi
fi
if ! printf '%s' "$tag" | grep -Eq '^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$'; then
  echo "'$tag' is not a valid image tag" >&2
  exit 2
fi
if [ "$tag" = "$UNBUILT_TAG" ]; then
  echo "'$UNBUILT_TAG' marks the committed manifests as not built; choose another tag" >&2
  exit 2
fi

if [ "$push" = yes ]; then
  platform=${PLATFORM:-linux/amd64}
  output=--push
else
  platform=${PLATFORM:-}
  # a multi-platform image cannot be loaded into the local engine, only pushed
  case $platform in
    *,*)
      echo "PLATFORM=$platform needs a registry to push to" >&2
      exit 2
      ;;
  esac
  # Without attestations: BuildKit adds provenance (and, if asked, SBOM) attestations by
  # default, and with the containerd image store (fresh Docker Engine 29+, Docker Desktop
  # 4.34+) `kind load docker-image` then fails on their missing content ("content digest ...
  # not found"). A registry keeps them (--push above).
  output="--load --provenance=false --sbom=false"
fi

images=${IMAGES:-$MODULES $OTHER_IMAGES}
for image in $images; do
  case " $MODULES $OTHER_IMAGES " in
    *" $image "*) ;;
    *)
      echo "unknown image '$image'; the images are: $MODULES $OTHER_IMAGES" >&2
      exit 2
      ;;
  esac
done

built=
for image in $images; do
  name="$registry/$image:$tag"
  echo "== $name${platform:+ ($platform)}"
  if [ "$image" = dynalite ]; then
    set -- --file docker/dynalite.Dockerfile
    context=local-dynamodb
  else
    set -- --file docker/Dockerfile --build-arg "MODULE=$image"
    context=.
  fi
  if [ -n "$platform" ]; then
    set -- "$@" --platform "$platform"
  fi
  # shellcheck disable=SC2086 # $output is one or three options
  "$docker" buildx build "$@" --tag "$name" $output "$context"
  built="$built $name"
done

# Point the manifests at what was built: every `image: <anything>/<image>:<anything>` in a YAML
# file of deploy/ (not its tests), for the images built now.
alternatives=$(printf '%s' "$images" | tr -s ' ' '|')
changed=
for file in $(grep -rlE --include='*.yaml' "image: *[^[:space:]]*/($alternatives):[^[:space:]]+" deploy | grep -v '^deploy/src/' | sort); do
  sed -E -i.bak "s#(image: *)[^[:space:]]*/($alternatives):[^[:space:]]+#\\1$registry/\\2:$tag#" "$file"
  rm -f "$file.bak"
  changed="$changed $file"
done

echo
echo "Built:${built}"
echo "Manifests now naming them:${changed:- none}"
if [ "$push" = yes ]; then
  cat <<NEXT

Pushed. Next (deploy/README.md):
  kubectl apply -f deploy/tracing/
  kubectl apply -k deploy/
and for the chaos step:
  kubectl apply -f deploy/eks/randomizer.yaml
NEXT
else
  cat <<NEXT

Loaded into the local Docker engine. Give them to your cluster's nodes, then apply
(deploy/README.md, "Any Kubernetes, no AWS"):
  kind load docker-image --name $KIND_CLUSTER${built}
  # or: minikube image load <image> (each), or: k3d image import --cluster $KIND_CLUSTER${built}
  kubectl apply -k deploy/overlays/local
NEXT
fi
