#!/usr/bin/env python3
"""Writes examples/articles/crawl.warc.gz: a small news crawl in the shape
Common Crawl and wget produce (one gzip member per record), with pages we
wrote. Run from the repository root; the output is committed."""
import gzip, io, uuid

PAGE_1 = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Sudan's RSF seizes Wad Madani as army withdraws | Nile Courier</title>
<meta property="og:title" content="Sudan's RSF seizes Wad Madani as army withdraws">
<meta property="og:site_name" content="Nile Courier">
<meta property="article:published_time" content="2023-12-19T11:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/sudan">Sudan</a></nav><article>
<h1>Sudan's RSF seizes Wad Madani as army withdraws</h1>
<p>The paramilitary Rapid Support Forces said on Monday they had taken control of Wad Madani, the capital of Gezira state, after Sudan's army pulled its troops out of the city.</p>
<p>The army said it was investigating why its units had withdrawn. Tens of thousands of people who had fled the fighting in Khartoum earlier in the year were forced to flee again, the U.N. migration agency said.</p>
<p>"We call on the warring parties to protect civilians and allow aid to reach them," a U.N. spokesperson said in Geneva.</p>
</article><aside><h3>Related Stories</h3><ul><li><a href="/x">Talks stall in Jeddah</a></li></ul></aside>
<footer>&copy; 2023 Nile Courier</footer></body></html>"""

PAGE_2 = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Ethiopia and Somalia trade accusations over port deal</title></head>
<body><article><h1>Ethiopia and Somalia trade accusations over port deal</h1>
<p>Somalia accused Ethiopia on Tuesday of violating its sovereignty by signing a port agreement with the breakaway region of Somaliland, and recalled its ambassador from Addis Ababa.</p>
<p>Ethiopia's government said the deal broke no laws and would give the landlocked country access to the sea. The African Union called for calm.</p>
</article><div class="share">Share this article</div></body></html>"""


def record(kind, uri, block, content_type):
    head = (
        f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{uuid.UUID(int=len(block))}>\r\n"
        f"WARC-Date: 2024-01-05T10:00:00Z\r\nWARC-Target-URI: {uri}\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n"
    ).encode()
    raw = head + block + b"\r\n\r\n"
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as gz:
        gz.write(raw)
    return buf.getvalue()


def http(status, ctype, body):
    return f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body


out = b""
out += record("warcinfo", "", b"software: casus example generator\r\n", "application/warc-fields")
out += record("request", "https://nile-courier.example/sudan/wad-madani",
              b"GET /sudan/wad-madani HTTP/1.1\r\nHost: nile-courier.example\r\n\r\n", "application/http; msgtype=request")
out += record("response", "https://nile-courier.example/sudan/wad-madani",
              http("200 OK", "text/html; charset=utf-8", PAGE_1.encode()), "application/http; msgtype=response")
out += record("response", "https://nile-courier.example/logo.png",
              http("200 OK", "image/png", b"\x89PNG\r\n\x1a\n"), "application/http; msgtype=response")
out += record("response", "https://horn-report.example/old-link",
              http("301 Moved Permanently", "text/html", b"<a href='/new'>moved</a>"), "application/http; msgtype=response")
out += record("response", "https://horn-report.example/ethiopia-somalia-port",
              http("200 OK", "text/html", PAGE_2.encode()), "application/http; msgtype=response")
with open("examples/articles/crawl.warc.gz", "wb") as f:
    f.write(out)
