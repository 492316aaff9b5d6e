FROM node:20-alpine AS assets
WORKDIR /site
COPY . .
RUN npm ci && npm run build

FROM nginxinc/nginx-unprivileged:1.27-alpine
COPY --from=assets /site/public /usr/share/nginx/html
COPY nginx.conf /etc/nginx/conf.d/default.conf
RUN --mount=type=bind,from=ghcr.io/acme/security-headers:1.2,source=/headers.conf,target=/tmp/headers.conf \
    cp /tmp/headers.conf /etc/nginx/conf.d/headers.conf
EXPOSE 8080
