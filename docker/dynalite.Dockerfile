# dynalite, the open-source DynamoDB implementation the laptop stack and the tests use, as a small
# image for deploy/overlays/local (the shop on any Kubernetes, without AWS). The context is
# local-dynamodb/, whose package-lock.json pins the version:
#
#   docker buildx build -f docker/dynalite.Dockerfile -t anycompany-shop/dynalite:dev --load local-dynamodb
#
# docker/build.sh builds it with the rest.
FROM node:24.18.0-alpine
WORKDIR /dynalite
COPY package.json package-lock.json ./
# exactly the lock file's versions, without install scripts: the in-memory store needs no native
# module (the LevelDB one is only for --path). The download cache stays out of the image.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund --cache .npm-cache \
    && rm -rf .npm-cache
# Node as PID 1 has no default handler for SIGTERM, so a Pod being deleted would wait out its whole
# grace period; dynalite's own CLI handles only SIGINT. This start file ends on SIGTERM at once.
RUN printf '%s\n' \
      "process.on('SIGTERM', () => process.exit(0));" \
      "require('dynalite/cli.js');" > start.js
# numeric, so that Kubernetes can check runAsNonRoot; no file is written at run time
USER 10001:10001
EXPOSE 8000
# in memory (no --path): a restarted Pod starts empty, and the services create their tables
ENTRYPOINT ["node", "start.js", "--port", "8000"]
