# syntax=docker/dockerfile:1
#
# kubelab API (serves the web app too). Build: docker build -t kubelab .
# Database migrations in prisma/migrations are applied by the server at boot.

# ---- build: install everything, generate the Prisma client, compile to dist/
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NX_DAEMON=false \
    NX_NO_CLOUD=true \
    CHECKPOINT_DISABLE=1 \
    PRISMA_HIDE_UPDATE_MESSAGE=1
COPY package.json package-lock.json ./
# Install scripts follow package.json#allowScripts, which npm 10 (the npm in
# node:20 images) does not read: skip them all, then run the one allowed one.
# In particular @prisma/engines must not try to download its native engines.
RUN npm ci --ignore-scripts --no-audit --no-fund \
 && npm rebuild @swc/core
COPY . .
RUN npm run build

# ---- runtime: production dependencies and the compiled output only
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/labs ./labs
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/apps/api/src/main.js"]
