# advisory-bot container image (see docs/operations.md). Build: docker build -t advisory-bot .
# Run: docker run -d --name advisory-bot -e SLACK_BOT_TOKEN -e SLACK_CHANNEL \
#        -v advisory-bot-data:/data -p 127.0.0.1:9464:9464 advisory-bot
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
RUN useradd --create-home --uid 10001 advisory-bot && mkdir /data && chown advisory-bot /data

WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY extractors ./extractors
COPY storage ./storage
RUN pip install .
COPY sources.yaml routes.example.yaml ./

USER advisory-bot
VOLUME ["/data"]
EXPOSE 9464
# metrics on all interfaces inside the container; publish the port to 127.0.0.1 on the host only
CMD ["advisory-bot", "run", "--sources", "/app/sources.yaml", "--db", "/data/advisories.db", \
     "--metrics-port", "9464", "--metrics-host", "0.0.0.0", "--log-format", "json"]
HEALTHCHECK --interval=60s --timeout=10s CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:9464/healthz', timeout=5).status == 200 else 1)"
