ARG REGISTRY=registry.acme.example:5000
ARG ORG=platform
ARG BASE_TAG=2024.10.1
ARG BASE=${REGISTRY}/${ORG}/base-runtime:${BASE_TAG}
ARG TOOLS=${REGISTRY}/${ORG}/tools:${BASE_TAG%.*}
FROM ${TOOLS} AS tools
FROM ${BASE}
ARG BUILD_DATE
ARG VCS_REF
LABEL org.label-schema.build-date=$BUILD_DATE \
      org.label-schema.vcs-ref=$VCS_REF \
      org.label-schema.schema-version="1.0"
COPY --from=tools /opt/tools /opt/tools
COPY --from=index.docker.io/library/busybox:1.36-musl /bin/busybox /bin/busybox
ENV PATH=/opt/tools/bin:$PATH
VOLUME ["/data"]
WORKDIR /data
