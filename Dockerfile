# Production image: multi-stage, Node LTS slim, non-root, database on a volume, migrations applied at start
# (the app runs them when it opens the database), health check on /healthz.
#
# Node 26, the Active LTS line since 28 October 2026 (24 went to maintenance on 20 October). better-sqlite3 12.x,
# the line that still runs on the Node 20 development machines, lists engines up to 25.x, so `npm ci` below warns
# EBADENGINE; it compiles against Node 26's headers and the whole test suite passes on 26.12.1, and CI proves that
# on every change (.ci/test-on-image-node runs the suite on the major named on these FROM lines).
FROM node:26-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 is compiled from source when no prebuilt binary matches.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY stubs ./stubs
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

FROM node:26-bookworm-slim
ENV NODE_ENV=production \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATABASE_URL=/var/lib/assistant/assistant.sqlite \
    DATA_DIR=/app/data
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
# node_modules/telegraf is a link to it (the lock file's stand-in for telegraf-i18n's peer dependency).
COPY stubs ./stubs
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY drizzle ./drizzle
COPY locales ./locales
COPY data ./data
# The operator's commands run from source through tsx (a production dependency):
#   docker exec <container> npm run console:user -- add <login> --role supervisor
#   docker exec <container> npm run kb:check        (after changing a data folder mounted on /app/data)
COPY tsconfig.json ./
COPY src ./src
COPY scripts/console-user.ts scripts/kb-check.ts ./scripts/
RUN mkdir -p /var/lib/assistant && chown node:node /var/lib/assistant
USER node
VOLUME ["/var/lib/assistant"]
EXPOSE 3000
# The check calls HOST when the app listens on one address only (the loopback when on all: 0.0.0.0 or ::), an IPv6
# one in brackets. It starts a second node for a moment (~40 MB): leave room for it under a memory limit.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "const h=process.env.HOST||'';const a=h===''||h==='0.0.0.0'||h==='::'?'127.0.0.1':h.includes(':')?'['+h+']':h;fetch('http://'+a+':'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# SIGTERM from `docker stop` triggers the graceful shutdown in src/main.ts.
# The heap is capped: left alone, V8 lets it grow to ~450 MB under a load whose live data is ~45 MB (a knowledge
# reload builds a second index for a moment: ~80 MB). `npm run bench` runs the assistant with the same cap; raise it
# with NODE_OPTIONS=--max-old-space-size=... if the knowledge base grows a lot. The young generation is capped at
# 8 MB semi-spaces (V8's default 16): 15 MB less memory for a few percent more collections. The Telegram thread gets
# its own, smaller limits (src/bots/thread/channel-thread.ts). Maglev, the JIT tier V8 added between the baseline
# and the optimising compiler (on by default since Node 22; Node 20 has none), is off: on Node 24 it took ~17 MB
# of peak memory (194-202 MB without it against 210-223 with it, 5 alternating runs of `npm run bench`) for no
# throughput we could measure in a process that runs for days; on Node 26, 13-19 MB (198.6-200.5 against
# 212.9-217.4 MB in two alternating pairs of short runs) for 3-7% more messages a second. Sparkplug, the baseline
# compiler below it, is off too: ~6 MB of peak memory on both Node 20 and 26 (Node 26, five alternating pairs of
# `npm run bench -- --no-echo`: 197.0-202.2 MB against 200.1-210.4) for no throughput the runs could tell apart
# (2,076-2,203 against 1,965-2,303 messages a second). V8 flags like these are not allowed in NODE_OPTIONS, hence
# the command line.
CMD ["node", "--max-old-space-size=128", "--max-semi-space-size=8", "--no-maglev", "--no-sparkplug", "dist/main.js"]
