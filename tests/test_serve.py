"""The web service (serve.py): routes, limits and errors, then a load on loopback.

Starlette's test client checks each route; the load test starts ``arquotes serve`` itself,
sends it a bounded number of requests and stops it.
"""

from __future__ import annotations

import asyncio
import http.client
import json
import os
import signal
import statistics
import sys
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="the 'serve' extra is not installed")
httpx = pytest.importorskip("httpx", reason="the 'serve' extra is not installed")

from starlette.routing import Route  # noqa: E402

with warnings.catch_warnings():  # Starlette 1.x asks for httpx2 in place of httpx
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

import arquotes  # noqa: E402
from arquotes.cli import _build_parser  # noqa: E402
from arquotes.extract import extract  # noqa: E402
from arquotes.model import Extraction  # noqa: E402
from arquotes.serve import ServiceOptions, create_app  # noqa: E402
from served import serving  # noqa: E402

SEED = Path(__file__).parent.parent / "seeds" / "000_0707ee13b42fe2f3.txt"
SHORT = 'قال وزير الخارجية سيرغي لافروف: "نحن مستعدون للحوار".'
TEXT = {"content-type": "text/plain; charset=utf-8"}


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(ServiceOptions(max_bytes=200_000, timeout=20))) as test_client:
        yield test_client


def _record(text: str) -> dict[str, object]:
    """What ``arquotes extract`` writes for ``text``, less the fields naming the input."""
    record: dict[str, object] = json.loads(arquotes.extract(text).to_json())
    return record


def _items(record: dict[str, object]) -> dict[str, object]:
    return {k: record[k] for k in ("quotes", "claims", "speakers")}


def test_extract_text_gives_the_cli_record(client: TestClient) -> None:
    text = SEED.read_text(encoding="utf-8")
    response = client.post("/extract?id=seed", content=text.encode(), headers=TEXT)
    assert response.status_code == 200
    record = response.json()
    assert record["id"] == "seed"
    assert _items(record) == _items(_record(text))
    assert record["quotes"]


def test_extract_json_records(client: TestClient) -> None:
    one = client.post("/extract", json={"id": "a", "text": SHORT})
    assert one.status_code == 200
    assert one.json()["id"] == "a"
    assert _items(one.json()) == _items(_record(SHORT))
    many = client.post("/extract", json=[{"id": 7, "text": SHORT}, {"text": ""}])
    assert many.status_code == 200
    assert [r["id"] for r in many.json()] == ["7", "2"]
    assert many.json()[1]["quotes"] == []


def test_extract_passes_a_records_fields_through_as_the_cli_does(client: TestClient) -> None:
    record = {"id": "a", "text": SHORT, "source": "x.net", "date": "2026-11-30", "tags": [1]}
    answer = client.post("/extract", json=record).json()
    assert answer["meta"] == {"source": "x.net", "date": "2026-11-30"}
    assert (answer["source"], answer["version"]) == ("a", arquotes.__version__)


@pytest.mark.parametrize(
    ("body", "headers", "status", "message"),
    [
        (b"\xff\xfe broken", TEXT, 400, "not UTF-8"),
        (b'{"text": ', {"content-type": "application/json"}, 400, "not JSON"),
        (b'{"text": 3}', {"content-type": "application/json"}, 422, "'text' is not a string"),
        (b'{"body": "x"}', {"content-type": "application/json"}, 422, "'text' is missing"),
        (b'[{"text": "x"}, 5]', {"content-type": "application/json"}, 422, "record 2"),
        (b'"just a string"', {"content-type": "application/json"}, 422, "JSON object"),
        (b"body=x", {"content-type": "application/x-www-form-urlencoded"}, 422, "form field"),
    ],
)
def test_bad_input_gets_a_message(
    client: TestClient, body: bytes, headers: dict[str, str], status: int, message: str
) -> None:
    for route in ("/extract", "/check"):
        response = client.post(route, content=body, headers=headers)
        assert response.status_code == status
        assert message in response.json()["error"]


@pytest.mark.parametrize(
    ("query", "message"),
    [("format=xml", "format must be"), ("min_confidence=2", "min_confidence"),
     ("min_confidence=nan", "min_confidence")],
)
def test_bad_query_gets_422(client: TestClient, query: str, message: str) -> None:
    response = client.post(f"/check?{query}", content=SHORT.encode(), headers=TEXT)
    assert response.status_code == 422
    assert message in response.json()["error"]


def test_body_over_the_limit_gets_413(client: TestClient) -> None:
    big = b"x" * 200_001
    declared = client.post("/extract", content=big, headers=TEXT)
    assert declared.status_code == 413
    assert "over 200000 bytes" in declared.json()["error"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        for _ in range(30):
            yield b"x" * 10_000

    streamed = client.post("/extract", content=chunks(), headers=TEXT)
    assert streamed.status_code == 413
    assert client.post("/extract", content=big[:200_000], headers=TEXT).status_code == 200


def test_unknown_route_and_method_answer_json(client: TestClient) -> None:
    missing = client.get("/nowhere")
    assert missing.status_code == 404
    assert missing.json() == {"error": "Not Found"}
    wrong = client.get("/extract")
    assert wrong.status_code == 405
    assert "error" in wrong.json()


def test_check_gives_the_cli_report(client: TestClient) -> None:
    text = 'وفي الشارع "هذا كلام طويل جدا بلا قائل معروف في النص كله".'
    response = client.post("/check", json=[{"id": "street", "text": text}])
    assert response.status_code == 200
    report = response.json()
    assert report["errors"] == []
    assert [v["file"] for v in report["violations"]] == ["street"]
    assert report["violations"][0]["reason"].endswith("without a speaker")
    lax = client.post("/check?min_confidence=0", json=[{"text": SHORT}]).json()
    assert lax == {"violations": [], "errors": []}


def test_html_view_escapes_and_forbids_scripts(client: TestClient) -> None:
    hostile = 'قال الوزير: "<script>alert(1)</script> & ok"'
    response = client.post("/extract?format=html", data={"text": hostile})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert "<script>" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; ok" in response.text
    report = client.post("/check?format=html", content=hostile.encode(), headers=TEXT)
    assert report.status_code == 200
    assert "<script>" not in report.text


def test_index_page_posts_to_the_view(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert 'dir="rtl"' in page.text
    assert 'action="/extract?format=html"' in page.text
    assert 'name="text"' in page.text


def test_health_and_openapi(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok", "version": arquotes.__version__}
    document = client.get("/openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert document["info"]["version"] == arquotes.__version__
    app = create_app()
    routes = {
        (r.path, m.lower())
        for r in app.routes if isinstance(r, Route)
        for m in (r.methods or ()) if m != "HEAD"
    }
    documented = {(path, method) for path, item in document["paths"].items() for method in item}
    assert documented == routes


def test_lone_surrogates_come_back_escaped(client: TestClient) -> None:
    body = b'{"text": "\\ud800 \xd9\x82\xd8\xa7\xd9\x84"}'
    response = client.post("/extract", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 200
    assert response.json()["quotes"] == []


def _sleepy(text: str) -> Extraction:
    time.sleep(120)
    return extract(text)


def _dies(text: str) -> Extraction:
    if "die" in text:
        os._exit(3)
    return extract(text)


def test_request_over_its_budget_gets_504_with_the_record() -> None:
    options = ServiceOptions(timeout=0.5, extractor=_sleepy)
    with TestClient(create_app(options)) as slow:
        started = time.monotonic()
        response = slow.post("/extract", json=[{"id": "a", "text": SHORT},
                                               {"id": "b", "text": SHORT}])
        assert time.monotonic() - started < 60  # cut short: the work alone takes 120 s
    assert response.status_code == 504
    errors = [r["error"] for r in response.json()]
    assert errors == ["timed out: over the request's budget of 0.5 s"] * 2


def _deaf(text: str) -> Extraction:
    """Stuck where the budget's alarm cannot reach, as in C code that never returns."""
    if "deaf" in text:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(120)
    return extract(text)


def test_a_worker_deaf_to_the_alarm_is_killed_after_the_grace() -> None:
    options = ServiceOptions(timeout=0.3, grace=0.5, extractor=_deaf)
    with TestClient(create_app(options)) as stuck:
        started = time.monotonic()
        response = stuck.post("/extract", content=b"deaf", headers=TEXT)
        assert time.monotonic() - started < 60  # cut short: the work alone takes 120 s
        assert response.status_code == 504
        assert response.json() == {"error": "extraction did not stop within 0.3 s"}
        # The stuck pool was killed and replaced: the next request is served.
        assert stuck.post("/extract", content=SHORT.encode(), headers=TEXT).status_code == 200


def test_a_dead_worker_costs_one_request() -> None:
    with TestClient(create_app(ServiceOptions(extractor=_dies))) as fragile:
        died = fragile.post("/extract", content=b"die", headers=TEXT)
        assert died.status_code == 500
        assert "worker process died" in died.json()["error"]
        assert "Traceback" not in died.text
        assert fragile.post("/extract", content=SHORT.encode(), headers=TEXT).status_code == 200


def test_too_many_waiting_requests_get_503() -> None:
    def slow(text: str) -> Extraction:
        time.sleep(1.0)
        return extract(text)

    app = create_app(ServiceOptions(max_pending=1, extractor=slow))

    async def two_at_once() -> list[int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as ac:
            answers = await asyncio.gather(*(
                ac.post("/extract", content=SHORT.encode(), headers=TEXT) for _ in range(2)))
        return sorted(a.status_code for a in answers)

    assert asyncio.run(two_at_once()) == [200, 503]


def test_serve_command_defaults_are_the_service_defaults() -> None:
    args = _build_parser().parse_args(["serve"])
    defaults = ServiceOptions()
    assert (args.host, args.port) == ("127.0.0.1", 8000)
    assert (args.timeout, args.workers, args.max_bytes, args.max_pending) == (
        defaults.timeout, defaults.workers, defaults.max_bytes, defaults.max_pending)


# The load test: `arquotes serve` in its own process on a free loopback port.

REQUESTS = 2000
CONNECTIONS = 20


@pytest.fixture
def server() -> Iterator[int]:
    with serving("--workers", "2") as port:
        yield port


def _load(port: int, texts: list[str]) -> tuple[list[float], list[tuple[int, bytes]]]:
    """Send every text once over ``CONNECTIONS`` kept-alive connections, one thread each.

    The standard library's client: httpx's async client spent more time per request than
    the server here (about 60 requests a second to /healthz), which would measure the client.
    """
    numbers = iter(range(len(texts)))
    lock = threading.Lock()
    latencies: list[float] = []
    answers: list[tuple[int, bytes]] = [(0, b"")] * len(texts)

    def connection() -> None:
        client = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        try:
            while True:
                with lock:
                    number = next(numbers, None)
                if number is None:
                    return
                started = time.perf_counter()
                client.request("POST", f"/extract?id={number}", body=texts[number].encode(),
                               headers=TEXT)
                response = client.getresponse()
                answers[number] = (response.status, response.read())
                latencies.append(time.perf_counter() - started)
        finally:
            client.close()

    threads = [threading.Thread(target=connection) for _ in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, answers


def test_load_on_loopback_loses_nothing(server: int) -> None:
    variants = [SHORT, SEED.read_text(encoding="utf-8")[:600], 'قال مصدر: "لا تعليق".']
    expected = [_items(_record(v)) for v in variants]
    texts = [variants[n % len(variants)] for n in range(REQUESTS)]
    started = time.perf_counter()
    latencies, answers = _load(server, texts)
    elapsed = time.perf_counter() - started
    assert len(latencies) == REQUESTS
    for number, (status, body) in enumerate(answers):
        assert status == 200, (number, body)
        record = json.loads(body)
        assert record["id"] == str(number)
        assert _items(record) == expected[number % len(variants)]
    cuts = statistics.quantiles(latencies, n=100)
    sys.stdout.write(
        f"\nload: {REQUESTS} requests over {CONNECTIONS} connections in {elapsed:.1f} s"
        f" ({REQUESTS / elapsed:.0f}/s); latency ms p50 {cuts[49] * 1000:.1f}"
        f" p95 {cuts[94] * 1000:.1f} p99 {cuts[98] * 1000:.1f} max {max(latencies) * 1000:.1f}\n"
    )
