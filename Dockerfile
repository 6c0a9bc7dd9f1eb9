# syntax=docker/dockerfile:1
# dockhand: build with the dev toolchain, run with production dependencies only, as a non-root user.
ARG NODE_VERSION=20

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary fits.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# Dependencies first, so they stay cached while only the sources change; `prepare` (the build)
# needs the sources, so it runs below instead.
RUN npm ci --no-audit --no-fund --ignore-scripts \
 && npm rebuild better-sqlite3 esbuild
COPY tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
COPY commands ./commands
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    DOCKHAND_DB=data/dockhand.db
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY knowledge ./knowledge
RUN mkdir -p data && chown node:node data
USER node
VOLUME ["/app/data"]
# With DISCORD_TOKEN set this is the bot; SIGTERM (docker stop) finishes replies in flight first.
# As `npm start`: --optimize-for-size keeps the long-running bot small (smaller young generation).
CMD ["node", "--optimize-for-size", "dist/main.js"]
