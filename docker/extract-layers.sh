#!/bin/sh
# Splits a Spring Boot executable jar into the layers its BOOT-INF/layers.idx names, so that
# the image keeps dependencies, the Spring Boot loader, snapshot dependencies and the
# application in separate layers: a change to the code rebuilds only the last, small one.
#
#   sh docker/extract-layers.sh <jar> <destination>
#
# Leaves <destination>/<layer>/, each laid out like the unpacked jar; copied on top of each
# other they run with `java -cp <dir> org.springframework.boot.loader.launch.JarLauncher`.
# Works for every jar spring-boot-maven-plugin repackages, with or without Spring inside
# (`java -Djarmode=tools` needs Spring on the jar's classpath: loadgen and randomizer have none).
set -eu

if [ $# -ne 2 ]; then
  echo "usage: $0 <jar> <destination>" >&2
  exit 2
fi
jar_file=$(realpath "$1")
destination=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/jar"
(cd "$work/jar" && jar xf "$jar_file")
if [ ! -f "$work/jar/BOOT-INF/layers.idx" ]; then
  echo "$1 is not a layered Spring Boot jar (no BOOT-INF/layers.idx): package the module with spring-boot-maven-plugin" >&2
  exit 1
fi
cp "$work/jar/BOOT-INF/layers.idx" "$work/layers.idx"

# the four layers of Spring Boot's default index; the Dockerfile copies exactly these
for layer in dependencies spring-boot-loader snapshot-dependencies application; do
  mkdir -p "$destination/$layer"
done

layer=
while IFS= read -r line || [ -n "$line" ]; do
  case $line in
    '- "'*'":')
      layer=${line#'- "'}
      layer=${layer%'":'}
      case $layer in
        dependencies | spring-boot-loader | snapshot-dependencies | application) ;;
        *)
          echo "unknown layer '$layer' in layers.idx: the Dockerfile copies only the four default layers" >&2
          exit 1
          ;;
      esac
      ;;
    '  - "'*'"')
      entry=${line#'  - "'}
      entry=${entry%'"'}
      if [ -z "$layer" ]; then
        echo "layers.idx names '$entry' before any layer" >&2
        exit 1
      fi
      # an entry is a file, or a directory whose whole content belongs to the layer
      if [ -e "$work/jar/$entry" ]; then
        mkdir -p "$destination/$layer/$(dirname "$entry")"
        mv "$work/jar/$entry" "$destination/$layer/$entry"
      fi
      ;;
    *)
      echo "unexpected line in layers.idx: $line" >&2
      exit 1
      ;;
  esac
done < "$work/layers.idx"

left=$(find "$work/jar" -type f | sed "s#^$work/jar/##")
if [ -n "$left" ]; then
  echo "files of $1 in no layer of its layers.idx:" >&2
  echo "$left" >&2
  exit 1
fi
