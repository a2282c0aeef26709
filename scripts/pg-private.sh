#!/usr/bin/env bash
# A private PostgreSQL server for tests and development: its own data folder, a non-root user,
# listening on 127.0.0.1 only. Debian's packages (apt-get install postgresql).
#   scripts/pg-private.sh start DIR [PORT]   prints the URL of a superuser connection
#   scripts/pg-private.sh stop DIR
# Runs as root (it then uses the system user "carejournal-pg", created if missing) or as any
# other user (the server then runs as that user).
set -euo pipefail
cmd="${1:?start or stop}"; dir="${2:?data folder}"; port="${3:-55432}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -z "$bin" ]; then echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; fi
run_as=()
owner="$(id -un)"
if [ "$(id -u)" -eq 0 ]; then
  owner="carejournal-pg"
  if ! id "$owner" >/dev/null 2>&1; then
    # (A group of that name may be left over from a user removed since.)
    group=(); getent group "$owner" >/dev/null 2>&1 && group=(-g "$owner")
    useradd --system --no-create-home --shell /usr/sbin/nologin "${group[@]}" "$owner"
  fi
  run_as=(runuser -u "$owner" --)
fi
case "$cmd" in
  start)
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown "$owner" "$dir"; fi
    chmod 700 "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      "${run_as[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    "${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      if ! "${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1; then
        # pg_ctl could not run as the data folder's owner: a fast shutdown by signal instead.
        pid="$(head -1 "$dir/data/postmaster.pid")"
        kill -INT "$pid" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      fi
    fi
    ;;
  *) echo "usage: $0 start|stop DIR [PORT]" >&2; exit 2 ;;
esac
