#!/usr/bin/env bash
# Builds the images of AnyCompany Shop from docker/Dockerfile, and pushes them to a registry.
#
#   docker/build.sh                    build anycompany-shop/<module>:1.0.0, keep them local
#   docker/build.sh REGISTRY [TAG]     build REGISTRY/<module>:TAG and push them
#
# REGISTRY is everything before the module name, e.g.
#   123456789012.dkr.ecr.us-east-1.amazonaws.com/anycompany-shop   (Amazon ECR)
#   docker.io/yourname                                             (Docker Hub)
# Log in first (docker login, or `aws ecr get-login-password | docker login ...`).
set -euo pipefail

# every image of the project; deploy/ runs all but xray-local (the laptop's stand-in for X-Ray)
MODULES="frontend catalogservice cartservice orderservice recommenderservice imageservice loadgen randomizer xray-local"
DEFAULT_REGISTRY=anycompany-shop
DEFAULT_TAG=1.0.0

registry=${1:-$DEFAULT_REGISTRY}
tag=${2:-$DEFAULT_TAG}
push=$([ $# -ge 1 ] && echo yes || echo no)

cd "$(dirname "$0")/.."
for module in $MODULES; do
  image="$registry/$module:$tag"
  echo "== $image"
  docker build --file docker/Dockerfile --build-arg MODULE="$module" --tag "$image" .
  if [ "$push" = yes ]; then
    docker push "$image"
  fi
done

if [ "$push" = yes ]; then
  cat <<NEXT

Pushed. Point the Kubernetes manifests at these images:
  sed -i.bak -e 's#newName: $DEFAULT_REGISTRY/#newName: $registry/#' -e 's#newTag: .*#newTag: "$tag"#' deploy/kustomization.yaml
  kubectl apply -k deploy/
and, when you add chaos (deploy/eks/randomizer.yaml):
  kubectl set image deployment/randomizer randomizer=$registry/randomizer:$tag -n microservices-aws
NEXT
fi
