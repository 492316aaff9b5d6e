ARG PYTHON=3.12
FROM python:${PYTHON}-slim-bookworm AS base
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential \
      libpq-dev \
      # for healthchecks
      curl \
 && rm -rf /var/lib/apt/lists/*

FROM base AS builder
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM base
COPY --from=builder /wheels /wheels
RUN pip install /wheels/* && rm -rf /wheels
COPY --from=ghcr.io/astral-sh/uv:0.4.18 /uv /usr/local/bin/uv
WORKDIR /srv
COPY . .
RUN <<EOF
set -eu
useradd --system --uid 10001 app
chown -R app /srv
EOF
USER 10001
CMD ["gunicorn", "-b", "0.0.0.0:8000", "api.wsgi"]
