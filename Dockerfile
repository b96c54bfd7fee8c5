# The service image: `python -m servicedesk.serve` (waitress worker processes, as `make run`),
# configured from the environment (README, "Configuration").
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HOST=0.0.0.0 \
    PORT=8000

WORKDIR /app
COPY pyproject.toml README.md ./
COPY manage.py ./
COPY servicedesk ./servicedesk
COPY incidents ./incidents
COPY conversations ./conversations
COPY attachments ./attachments
RUN pip install . && useradd --system --uid 10001 servicedesk
USER servicedesk

EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --retries=3 \
  CMD python -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2)" || exit 1
CMD ["python", "-m", "servicedesk.serve"]
