#!/usr/bin/env python3
"""Serve a Sandyq site folder over HTTP for local use and tests (Python standard library only).

usage: python3 tools/serve.py <site dir> [--port 8080] [--host 127.0.0.1]

- Binds 127.0.0.1 by default; --port 0 picks a free port. Prints "serving http://HOST:PORT/"
  (flushed) once the socket is listening, so scripts can read the URL from stdout.
- Correct MIME types (application/wasm for .wasm, text/javascript for .js, ...), charset=utf-8
  for text types, X-Content-Type-Options: nosniff.
- Serves a precompressed sibling (X.br, then X.gz) with Content-Encoding and
  Vary: Accept-Encoding when the client accepts that encoding.
- Cache-Control: no-cache on everything, with ETag / If-None-Match -> 304 (file names are not
  hashed, so browsers must revalidate; the service worker provides offline use).
- GET and HEAD only; no directory listings; hidden files (.htaccess) are not served.
- Threaded; the access log shows errors only; Ctrl-C (or SIGTERM) stops cleanly with exit code 0.
This is a development and classroom-demo server, not a hardened production server.
"""
import argparse
import email.utils
import http.server
import os
import posixpath
import signal
import socket
import socketserver
import sys
import urllib.parse

MIME_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".webmanifest": "application/manifest+json; charset=utf-8",
    ".svg": "image/svg+xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".lua": "text/plain; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".wasm": "application/wasm",
    ".data": "application/octet-stream",
    ".bin": "application/octet-stream",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".ico": "image/x-icon",
    ".mp3": "audio/mpeg",
    ".ogg": "audio/ogg",
    ".wav": "audio/wav",
    ".zip": "application/zip",
    ".gz": "application/gzip",
    ".br": "application/octet-stream",
    ".pdf": "application/pdf",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
DEFAULT_TYPE = "application/octet-stream"
# Preferred first: brotli is smaller, gzip is what every server and browser has.
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))
CHUNK = 64 * 1024


def accepted_encodings(header):
    """Return the set of content codings with q > 0 from an Accept-Encoding header."""
    result = set()
    for part in (header or "").split(","):
        fields = part.strip().split(";")
        name = fields[0].strip().lower()
        if not name:
            continue
        q = 1.0
        for param in fields[1:]:
            key, _, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q > 0:
            result.add(name)
    return result


def etag_matches(header, etag):
    if not header:
        return False
    if header.strip() == "*":
        return True
    tags = [t.strip() for t in header.split(",")]
    # Weak comparison, as RFC 9110 requires for If-None-Match.
    bare = etag[2:] if etag.startswith("W/") else etag
    return any((t[2:] if t.startswith("W/") else t) == bare for t in tags)


class SiteHandler(http.server.BaseHTTPRequestHandler):
    server_version = "SandyqServe/1"

    def version_string(self):
        return self.server_version
    protocol_version = "HTTP/1.1"
    root = "."  # set by main()

    # ---- logging: errors only ----
    def log_request(self, code="-", size="-"):
        try:
            status = int(code)
        except (TypeError, ValueError):
            status = 0
        if status >= 400:
            self.log_message('"%s" %s', self.requestline, code)

    def log_message(self, fmt, *args):
        sys.stderr.write("serve: %s %s\n" % (self.address_string(), fmt % args))

    # ---- request handling ----
    def do_GET(self):
        self.handle_file(send_body=True)

    def do_HEAD(self):
        self.handle_file(send_body=False)

    def send_error(self, code, message=None, explain=None):
        body = ("%d %s\n" % (code, message or self.responses.get(code, ("",))[0])).encode("utf-8")
        self.log_request(code)
        self.send_response_only(code)
        self.send_header("Server", self.version_string())
        self.send_header("Date", self.date_time_string())
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        if code == 405:
            self.send_header("Allow", "GET, HEAD")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_POST(self):
        self.send_error(405)

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_POST

    def resolve(self, url_path):
        """Map a URL path to a file inside root, or None (404). Returns (fs_path, redirect)."""
        path = urllib.parse.unquote(url_path.split("?", 1)[0].split("#", 1)[0], errors="strict")
        if "\x00" in path:
            return None, None
        norm = posixpath.normpath(path)
        parts = [p for p in norm.split("/") if p]
        if any(p.startswith(".") and p != ".well-known" for p in parts) or any("\\" in p for p in parts):
            return None, None
        fs_path = os.path.join(self.root, *parts)
        real_root = os.path.realpath(self.root)
        real = os.path.realpath(fs_path)
        if real != real_root and not real.startswith(real_root + os.sep):
            return None, None
        if os.path.isdir(real):
            if not path.endswith("/"):
                return None, path + "/"
            real = os.path.join(real, "index.html")
        if not os.path.isfile(real):
            return None, None
        return real, None

    def handle_file(self, send_body):
        try:
            fs_path, redirect = self.resolve(self.path)
        except UnicodeDecodeError:
            fs_path, redirect = None, None
        if redirect:
            self.send_response(301)
            self.send_header("Location", urllib.parse.quote(redirect))
            self.send_header("Content-Length", "0")
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            return
        if fs_path is None:
            self.send_error(404)
            return

        ext = os.path.splitext(fs_path)[1].lower()
        content_type = MIME_TYPES.get(ext, DEFAULT_TYPE)
        accepted = accepted_encodings(self.headers.get("Accept-Encoding"))
        served_path, encoding, has_variant = fs_path, None, False
        if ext not in (".gz", ".br"):
            for name, suffix in ENCODINGS:
                if os.path.isfile(fs_path + suffix):
                    has_variant = True
                    if encoding is None and name in accepted:
                        served_path, encoding = fs_path + suffix, name

        try:
            f = open(served_path, "rb")
        except OSError:
            self.send_error(404)
            return
        with f:
            st = os.fstat(f.fileno())
            etag = '"%x-%x%s"' % (st.st_mtime_ns, st.st_size, "-" + encoding if encoding else "")
            last_modified = email.utils.formatdate(st.st_mtime, usegmt=True)
            not_modified = etag_matches(self.headers.get("If-None-Match"), etag)

            self.send_response(304 if not_modified else 200)
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", last_modified)
            self.send_header("Cache-Control", "no-cache")
            self.send_header("X-Content-Type-Options", "nosniff")
            if has_variant:
                self.send_header("Vary", "Accept-Encoding")
            if not_modified:
                self.end_headers()
                return
            self.send_header("Content-Type", content_type)
            if encoding:
                self.send_header("Content-Encoding", encoding)
            self.send_header("Content-Length", str(st.st_size))
            self.end_headers()
            if not send_body:
                return
            try:
                while True:
                    chunk = f.read(CHUNK)
                    if not chunk:
                        break
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True

    def handle(self):
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def handle_error(self, request, client_address):
        exc = sys.exc_info()[1]
        if isinstance(exc, (BrokenPipeError, ConnectionResetError, TimeoutError)):
            return
        super().handle_error(request, client_address)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Serve a Sandyq site folder (static files).")
    parser.add_argument("site", help="the site folder, e.g. build/web/site")
    parser.add_argument("--port", type=int, default=8080, help="TCP port (0 = pick a free one); default 8080")
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to bind; default 127.0.0.1 (use 0.0.0.0 to serve the whole network)")
    args = parser.parse_args(argv)

    root = os.path.abspath(args.site)
    if not os.path.isdir(root):
        print("serve: not a folder: %s" % root, file=sys.stderr)
        return 2
    if not os.path.isfile(os.path.join(root, "index.html")):
        print("serve: warning: %s has no index.html" % root, file=sys.stderr)
    SiteHandler.root = root

    if ":" in args.host:
        Server.address_family = socket.AF_INET6
    try:
        httpd = Server((args.host, args.port), SiteHandler)
    except OSError as e:
        print("serve: cannot listen on %s:%d: %s" % (args.host, args.port, e.strerror or e), file=sys.stderr)
        return 1

    def stop(signum, frame):
        raise KeyboardInterrupt

    # Also SIGINT explicitly: a process started in the background inherits an ignored SIGINT.
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    host, port = httpd.server_address[:2]
    shown = "[%s]" % host if ":" in host else host
    print("serving http://%s:%d/" % (shown, port), flush=True)
    if host == "0.0.0.0":
        print("serve: reachable from the network; open http://<this computer's address>:%d/" % port, flush=True)
    try:
        httpd.serve_forever(poll_interval=0.25)
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()
    print("serve: stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
