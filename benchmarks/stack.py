"""Benchmark of the production stack (deploy/): nginx with the shared cache in front of gunicorn, measured
with wrk on loopback (2 threads, 32 connections; static and warm figures
the best of five 3-second runs, alternated, misses one 5-second run after all of them), with the Angers content.

    make bench                              # after benchmarks/pages.py
    python benchmarks/stack.py --servers    # also compares gunicorn sync, gthread and granian (misses)

For the home page, the partner-city list and a city page:
- static: nginx sending the same bytes as a static file (the ceiling of the machine);
- warm: through the stack with the cache warm, and its ratio to static (goal ≥ 0.8);
- miss: cache misses (a distinct query string per request) through nginx to gunicorn, and their ratio to a
  view that returns prebuilt bytes through the same nginx and gunicorn (goal ≥ 0.2).
Prints a table and writes benchmarks/results.json (section "stack").
"""

import argparse
import http.client
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from deploy.render_nginx import render  # noqa: E402

PAGES = {"home": "/fr/", "list": "/en/partner-cities/", "city": "/fr/villes-partenaires/pisa/"}
PREBUILT = "/_benchmark/prebuilt/"
WRK = ["-t2", "-c32"]
DURATION = "5s"
ROUNDS = 5
RESULTS = BASE_DIR / "benchmarks" / "results.json"
# A query string no request has used before: distinct per run (the argument), per wrk thread and per request.
DISTINCT_QUERY = """
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end
function init(args)
  run, counter = args[1], 0
end
function request()
  counter = counter + 1
  return wrk.format(nil, wrk.path .. "?bench=" .. run .. "-" .. thread_number .. "-" .. counter)
end
"""


def say(line=""):
    sys.stdout.write(f"{line}\n")
    sys.stdout.flush()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment(scratch):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "GUNICORN_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="angers_intl.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=f"sqlite:///{scratch / 'bench.sqlite3'}",
        DJANGO_MEDIA_ROOT=str(scratch / "media"),
        DJANGO_BENCHMARK_VIEWS="1",
    )
    env.pop("REDIS_URL", None)
    return env


SERVERS = {
    # name: command line after the socket path; chosen in deploy/gunicorn.conf.py by these figures.
    "gunicorn sync, 3 workers": lambda sock: [
        "gunicorn", "-c", "deploy/gunicorn.conf.py", "--worker-class", "sync", "--workers", "3",
        "--bind", f"unix:{sock}", "angers_intl.wsgi",
    ],
    "gunicorn gthread, 3 workers × 2 threads": lambda sock: [
        "gunicorn", "-c", "deploy/gunicorn.conf.py", "--worker-class", "gthread", "--workers", "3",
        "--threads", "2", "--bind", f"unix:{sock}", "angers_intl.wsgi",
    ],
    "granian wsgi, 3 workers × 2 threads": lambda sock: [
        "granian", "--interface", "wsgi", "--workers", "3", "--blocking-threads", "2", "--uds", str(sock), "--no-ws",
        "--log-level", "warning", "angers_intl.wsgi:application",
    ],
}  # fmt: skip
PRODUCTION_SERVER = "production (deploy/gunicorn.conf.py)"


def start_server(name, sock, env):
    if name == PRODUCTION_SERVER:
        command = ["gunicorn", "-c", "deploy/gunicorn.conf.py", "--bind", f"unix:{sock}", "angers_intl.wsgi"]
    else:
        command = SERVERS[name](sock)
    program = Path(sys.executable).parent / command[0]
    if not program.exists():
        return None
    sock.unlink(missing_ok=True)
    process = subprocess.Popen([str(program), *command[1:]], cwd=BASE_DIR, env=env, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not sock.exists():
        if time.monotonic() > deadline or process.poll() is not None:
            raise SystemExit(f"{name} did not start")
        time.sleep(0.1)
    return process


def stop(process):
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


def get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"Host": "127.0.0.1"})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    if response.status != 200:
        raise SystemExit(f"{path} answered {response.status}")
    return response.headers, body


class WrkErrors(Exception):
    pass


def wrk(url, script=None, duration=DURATION):
    command = ["wrk", *WRK, f"-d{duration}"]
    if script:
        command += ["-s", str(script)]
    command.append(url)
    if script:
        command += ["--", str(time.time_ns())]
    output = subprocess.run(command, capture_output=True, text=True, check=True, timeout=60).stdout
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if non_2xx:
        raise WrkErrors(f"wrk {url}: {non_2xx.group(1)} error responses")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def prepare(scratch, env):
    say("Preparing a SQLite database with the Angers content…")
    for command in (
        ["collectstatic", "--noinput", "-v", "0"],
        ["migrate", "--noinput", "-v", "0"],
        ["load_content"],
    ):
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=BASE_DIR,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )


def start_nginx(scratch, sock):
    port = free_port()
    run_dir = scratch / "nginx"
    # Static files from the scratch folder: the page copies; no access log (it would measure the disk).
    (scratch / "staticfiles" / "bench").mkdir(parents=True, exist_ok=True)
    (scratch / "static" / "errors").mkdir(parents=True, exist_ok=True)
    shutil.copy(BASE_DIR / "static" / "errors" / "503.html", scratch / "static" / "errors" / "503.html")
    (run_dir).mkdir(parents=True, exist_ok=True)
    config = render(
        "local", run_dir=run_dir, port=port, upstream=f"unix:{sock}", root=scratch, access_log=False
    )
    config = config.replace(f"access_log {run_dir / 'access.log'};", "access_log off;")
    (run_dir / "nginx.conf").write_text(config)
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    process = subprocess.Popen([nginx, "-c", str(run_dir / "nginx.conf"), "-e", str(run_dir / "error.log"),
                                "-g", "daemon off;"])  # fmt: skip
    for _ in range(100):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return process, port
        time.sleep(0.05)
    raise SystemExit("nginx did not start")


def measure_stack(scratch, port):
    rows = {}
    # Warm first, misses after: a miss run writes thousands of new cache files, and the kernel's writeback
    # of them would otherwise run during the next warm measurement (a neighbour the stack does not have
    # in production, where misses are a trickle between hits).
    for name, path in PAGES.items():
        _headers, body = get(port, path)
        (scratch / "staticfiles" / "bench" / f"{name}.html").write_bytes(body)
        get(port, path)  # warm: the next ones are HITs
        if get(port, path)[0]["X-Cache-Status"] != "HIT":
            raise SystemExit(f"{path} is not kept by the cache")
        # Alternated, best of five: on a shared machine a neighbour's burst must not decide the ratio.
        static, warm = 0.0, 0.0
        for _round in range(ROUNDS):
            static = max(static, wrk(f"http://127.0.0.1:{port}/static/bench/{name}.html", duration="3s"))
            warm = max(warm, wrk(f"http://127.0.0.1:{port}{path}", duration="3s"))
        rows[name] = {
            "path": path,
            "bytes": len(body),
            "static_rps": round(static),
            "warm_rps": round(warm),
            "warm_to_static": round(warm / static, 2),
        }
    miss_script = scratch / "distinct-query.lua"
    miss_script.write_text(DISTINCT_QUERY)
    prebuilt_miss = wrk(f"http://127.0.0.1:{port}{PREBUILT}", miss_script)
    for name, path in PAGES.items():
        miss = wrk(f"http://127.0.0.1:{port}{path}", miss_script)
        rows[name].update(
            miss_rps=round(miss, 1),
            prebuilt_miss_rps=round(prebuilt_miss, 1),
            miss_to_prebuilt=round(miss / prebuilt_miss, 3),
        )
    return rows


def compare_servers(scratch, env, port, sock):
    """Cache misses of two pages and the prebuilt view, for each WSGI server and worker model."""
    miss_script = scratch / "distinct-query.lua"
    comparison = {}
    for name in SERVERS:
        process = start_server(name, sock, env)
        if process is None:
            say(f"  {name}: not installed, skipped")
            continue
        try:
            get(port, PREBUILT)
            comparison[name] = {
                path: round(wrk(f"http://127.0.0.1:{port}{path}", miss_script), 1)
                for path in (PAGES["home"], PAGES["list"], PREBUILT)
            }
        except WrkErrors as error:
            log = (scratch / "nginx" / "error.log").read_text().strip().splitlines()
            say(f"  {name}: {error}; nginx: {log[-1] if log else 'nothing logged'}")
            comparison[name] = {"errors": str(error)}
            continue
        finally:
            stop(process)
        say(f"  {name}: " + ", ".join(f"{path} {rps:.0f} req/s" for path, rps in comparison[name].items()))
    return comparison


def machine():
    model = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")),
        platform.processor(),
    )  # fmt: skip
    nginx_version = subprocess.run(
        [shutil.which("nginx") or "/usr/sbin/nginx", "-v"], capture_output=True, text=True
    ).stderr.strip()
    return f"{os.cpu_count()} cores, {model}, {platform.system()} {platform.release()}, {nginx_version}, Python {platform.python_version()}"


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--servers", action="store_true", help="also compare WSGI servers and worker models")
    options = parser.parse_args()
    for program in ("wrk", "nginx"):
        if shutil.which(program) is None and not Path(f"/usr/sbin/{program}").exists():
            raise SystemExit(
                f"{program} is missing: sudo apt-get install -y {'nginx-light' if program == 'nginx' else 'wrk'}"
            )
    scratch = Path(tempfile.mkdtemp(prefix="intl-stack-bench-"))
    env = environment(scratch)
    prepare(scratch, env)
    sock = scratch / "app.sock"
    app = start_server(PRODUCTION_SERVER, sock, env)
    nginx, port = start_nginx(scratch, sock)
    try:
        say(
            f"\nThe stack (nginx → gunicorn, deploy/), wrk {' '.join(WRK)} on loopback (static and warm: best of {ROUNDS} × 3 s, alternated; misses: {DURATION}); {machine()}"
        )
        rows = measure_stack(scratch, port)
        say(
            f"\n{'page':<6} {'path':<30} {'KB':>5} {'static':>8} {'warm':>8} {'ratio':>6} {'miss':>7} {'prebuilt':>9} {'ratio':>6}"
        )
        for name, row in rows.items():
            say(
                f"{name:<6} {row['path']:<30} {row['bytes'] / 1024:>5.1f} {row['static_rps']:>8} {row['warm_rps']:>8}"
                f" {row['warm_to_static']:>6.2f} {row['miss_rps']:>7.0f} {row['prebuilt_miss_rps']:>9.0f}"
                f" {row['miss_to_prebuilt']:>6.3f}"
            )
        say("static, warm, miss, prebuilt: requests/s; warm ratio goal ≥ 0.8, miss/prebuilt goal ≥ 0.2")
        comparison = None
        if options.servers:
            stop(app)
            app = None
            say("\nWSGI servers, cache misses through nginx (requests/s):")
            comparison = compare_servers(scratch, env, port, sock)
    finally:
        if app is not None:
            stop(app)
        nginx.send_signal(signal.SIGQUIT)
        nginx.wait(timeout=30)
        shutil.rmtree(scratch, ignore_errors=True)
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    results["stack"] = {
        "machine": machine(),
        "wrk": f"{' '.join(WRK)}, static and warm best of {ROUNDS} x 3 s, misses {DURATION}",
        "pages": rows,
    }
    if comparison:
        results["wsgi_servers"] = comparison
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    say(f"\nFigures written to {RESULTS.relative_to(BASE_DIR)}")


if __name__ == "__main__":
    main()
