# syntax=docker/dockerfile:1.4
FROM debian:bookworm-slim
RUN <<-EOT bash
	set -ex
	apt-get update
	apt-get install -y nginx
	rm -rf /var/lib/apt/lists/*
	EOT
COPY <<'EOF' /etc/nginx/conf.d/default.conf
server {
    listen 80;
    location / {
        root /usr/share/nginx/html;
        # FROM evil:latest is just text here
    }
}
EOF
COPY <<index.html 3<<robots.txt /usr/share/nginx/html/
<h1>hello $HOSTNAME</h1>
index.html
User-agent: *
robots.txt
RUN python3 <<PY
print("FROM nothing")
PY
USER www-data
CMD ["nginx", "-g", "daemon off;"]
