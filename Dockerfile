# syntax=docker/dockerfile:1
# irbot: build with the dev toolchain, run with production dependencies only.
# Node 22 (LTS): the AWS SDK v3 requires it for releases after January 2027.

FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY commands ./commands
COPY escalation ./escalation
RUN npx tsc -p tsconfig.build.json

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/app/.data
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY escalation/policy.yaml ./escalation/policy.yaml
COPY manifest.yaml ./manifest.yaml
RUN mkdir -p /app/.data && chown -R node:node /app/.data
USER node
VOLUME ["/app/.data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.status===200?0:1),()=>process.exit(1))"]
# Run node directly (not npm start) so SIGTERM reaches the bot and it drains.
CMD ["node", "dist/src/main.js"]
