"""The access-token APIs of WeChat (Official Account) and WeCom, shared by both channels.

The token is fetched with the account's credentials, cached until shortly before it
expires, and fetched again (once per send) when the platform says it is no longer
valid. A send's ``errcode`` decides what the delivery queue does: 0 is sent, a code
naming the recipient (window over, unknown user) is a :class:`PermanentDeliveryError`,
anything else a :class:`DeliveryError` to retry later.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from typing import Any

import httpx

from app.channels.base import DeliveryError, PermanentDeliveryError

TOKEN_MARGIN_S = 300
TIMEOUT_S = 10.0


@dataclass(frozen=True)
class ApiSpec:
    label: str  # "WeChat", "WeCom": how errors name the platform
    base: str
    token_path: str
    token_params: dict[str, str] | None  # None: the credentials are not configured
    missing: str  # what to configure when they are not
    token_errors: frozenset[int]  # the access token is not (or no longer) valid
    permanent_errors: frozenset[int]  # the recipient cannot be written to


class TokenApi:
    """One account's API client; thread-safe."""

    def __init__(self, spec: ApiSpec, client: httpx.Client | None = None) -> None:
        self.spec = spec
        self.base = spec.base.rstrip("/")
        self._client = client or httpx.Client(timeout=TIMEOUT_S)
        self._lock = threading.Lock()
        self._access: tuple[str, float] | None = None  # token, expiry (monotonic)

    def send(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        """POST ``body`` with the access token; the answer when its errcode is 0."""
        for attempt in (1, 2):
            answer = self._post(path, body)
            code = int(answer.get("errcode", 0) or 0)
            if code == 0:
                return answer
            if code in self.spec.token_errors and attempt == 1:
                self._forget_token()
                continue
            error = f"{self.spec.label} errcode {code}"
            raise (PermanentDeliveryError(error) if code in self.spec.permanent_errors
                   else DeliveryError(error))
        raise AssertionError("unreachable")  # pragma: no cover

    def _post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        token = self._token()
        # WeChat shows \\uXXXX escapes literally: the JSON must carry real UTF-8
        data = json.dumps(body, ensure_ascii=False).encode()
        try:
            res = self._client.post(f"{self.base}{path}", params={"access_token": token},
                                    content=data,
                                    headers={"Content-Type": "application/json"})
        except httpx.HTTPError as exc:
            raise DeliveryError(
                f"{self.spec.label} API unreachable: {type(exc).__name__}") from exc
        return self._json(res)

    def _json(self, res: httpx.Response) -> dict[str, Any]:
        label = self.spec.label
        if res.status_code >= 400:
            raise DeliveryError(f"{label} API HTTP {res.status_code}")
        try:
            answer = res.json()
        except ValueError as exc:
            raise DeliveryError(f"{label} API answered something that is not JSON") from exc
        if not isinstance(answer, dict):
            raise DeliveryError(f"{label} API answered something that is not an object")
        return answer

    def _token(self) -> str:
        with self._lock:
            now = time.monotonic()
            if self._access is not None and self._access[1] > now:
                return self._access[0]
            if self.spec.token_params is None:
                raise PermanentDeliveryError(self.spec.missing)
            try:
                res = self._client.get(f"{self.base}{self.spec.token_path}",
                                       params=self.spec.token_params)
            except httpx.HTTPError as exc:
                raise DeliveryError(f"{self.spec.label} token API unreachable: "
                                    f"{type(exc).__name__}") from exc
            answer = self._json(res)
            token = answer.get("access_token")
            if not token:
                raise DeliveryError(
                    f"{self.spec.label} token API errcode {answer.get('errcode')}")
            ttl = float(answer.get("expires_in") or 7200)
            self._access = (str(token), now + max(60.0, ttl - TOKEN_MARGIN_S))
            return self._access[0]

    def _forget_token(self) -> None:
        with self._lock:
            self._access = None

    def close(self) -> None:
        self._client.close()
