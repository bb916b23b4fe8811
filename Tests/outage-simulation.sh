#!/usr/bin/env bash
# Six weeks of a school's cron in a few seconds: the real `lingkar` binary under Debian's faketime,
# a loopback feed that grows by one post a day, `lingkar run` every third day, and three weeks in
# the middle without internet (the server is gone: connection refused). A new feed with a backlog
# (posts of the last weeks and one five years old) is added after the outage.
#
# Checks: every run during the outage exits 1, says the connection is down and writes no digest;
# the first run after it fetches every feed (no backoff left over); every post of the last 30 days
# reaches exactly one digest, the five-year-old one none.
#
# Written as a script rather than a Swift test because the binary must run under faketime's
# LD_PRELOAD, which a test process cannot give itself. .ci/run runs it after the test suite.
# Usage: Tests/outage-simulation.sh [path/to/lingkar] (default: .build/debug/lingkar)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
lingkar=${1:-$root/.build/debug/lingkar}
command -v faketime >/dev/null || {
  echo "outage simulation: faketime is not installed (apt-get install faketime)" >&2
  exit 1
}
[ -x "$lingkar" ] || { echo "outage simulation: no binary at $lingkar (swift build first)" >&2; exit 1; }
# The runs happen in the school's folder: a relative path given by the caller must still find the binary.
lingkar=$(cd "$(dirname "$lingkar")" && pwd)/$(basename "$lingkar")

work=$(mktemp -d)
[ -n "${KEEP:-}" ] && echo "outage simulation: working in $work"
server_pid=""
stop_server() {
  if [ -n "$server_pid" ]; then
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}
trap 'stop_server; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
mkdir -p "$work/site" "$work/school"
port=0
start_server() {
  python3 "$root/Tests/Support/dir_server.py" "$work/site" "$port" --forever >"$work/port" &
  server_pid=$!
  for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.05; done
  port=$(head -n 1 "$work/port")
}
fail() { echo "outage simulation: $*" >&2; exit 1; }

start=$(date -u -d '2026-11-02T00:00:00Z' +%s)  # a Monday
day=86400
rfc822() { date -u -d "@$1" '+%a, %d %b %Y %H:%M:%S GMT'; }
texts=("Asesmen formatif dengan exit ticket dan rubrik sederhana"
  "Pojok baca untuk literasi kelas dua dan numerasi dari pasar"
  "Retrieval practice and low-stakes quizzes in Year 9 science"
  "Komunitas belajar guru dan lesson study setiap bulan")

# feed FILE TITLE "ID TIMESTAMP"... : an RSS feed with these posts, its Last-Modified the newest.
feed() {
  local file=$1 title=$2 newest=0
  shift 2
  {
    echo "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>$title</title>"
    for post in "$@"; do
      local id=${post% *} stamp=${post#* }
      local text=${texts[$((${#id} % 4))]}
      echo "<item><title>$title $id</title><link>https://example.org/$id</link><guid>$id</guid>"
      echo "<description>$text ($id).</description><pubDate>$(rfc822 "$stamp")</pubDate></item>"
      [ "$stamp" -gt "$newest" ] && newest=$stamp
    done
    echo "</channel></rss>"
  } >"$work/site/$file"
  touch -d "@$newest" "$work/site/$file"
}

printf 'utc_offset: WIB\n' >"$work/school/lingkar.yaml"
start_server
echo "http://127.0.0.1:$port/blog.xml" >"$work/school/feeds.txt"
expected=()
blog=()
outage_from=10
outage_to=31
for d in $(seq 0 44); do
  # One post a day at 09:00 UTC; the feed keeps the latest 30.
  stamp=$((start + d * day + 9 * 3600))
  blog+=("blog-$d $stamp")
  expected+=("https://example.org/blog-$d")
  first=$(( ${#blog[@]} > 30 ? ${#blog[@]} - 30 : 0 ))
  feed blog.xml "Blog" "${blog[@]:$first}"
  if [ "$d" -eq "$outage_from" ]; then stop_server; fi
  if [ "$d" -eq "$outage_to" ]; then start_server; fi
  if [ "$d" -eq 35 ]; then
    # A new feed: posts of the last 25 days, and one five years old that must stay out.
    news=()
    for back in 25 18 12 4; do
      news+=("news-$back $((start + (d - back) * day + 6 * 3600))")
      expected+=("https://example.org/news-$back")
    done
    news+=("news-old $((start + d * day - 5 * 365 * day))")
    feed news.xml "News" "${news[@]}"
    echo "http://127.0.0.1:$port/news.xml" >>"$work/school/feeds.txt"
  fi
  [ $((d % 3)) -eq 2 ] || continue
  # lingkar run at 23:00 UTC (06:00 WIB the next morning), as cron would.
  when=$(date -u -d "@$((start + d * day + 23 * 3600))" '+%Y-%m-%d %H:%M:%S')
  set +e
  (cd "$work/school" && FAKETIME_DONT_FAKE_MONOTONIC=1 TZ=UTC faketime -f "@$when" "$lingkar" run --quiet --lang en \
    --timeout 5 --connect-timeout 2) >"$work/out" 2>"$work/err"
  rc=$?
  set -e
  if [ "$d" -ge "$outage_from" ] && [ "$d" -lt "$outage_to" ]; then
    [ "$rc" -eq 1 ] || fail "day $d (outage): exit $rc, expected 1: $(cat "$work/err")"
    grep -q "no feed could be read: is the internet connection down?" "$work/err" \
      || fail "day $d (outage): no plain message: $(cat "$work/err")"
    stamp_day=$(date -u -d "@$((start + d * day + 30 * 3600))" +%F)
    [ ! -e "$work/school/output/$stamp_day" ] || fail "day $d (outage): a digest was written"
  else
    [ "$rc" -eq 0 ] || fail "day $d: exit $rc: $(cat "$work/err")"
    if grep -q "next try after" "$work/err"; then fail "day $d: a feed was backed off: $(cat "$work/err")"; fi
  fi
done

# Every expected post in exactly one digest; the five-year-old post in none.
python3 - "$work/school/output" "${expected[@]}" <<'EOF'
import glob, json, sys
folder, expected = sys.argv[1], sys.argv[2:]
seen = {}
digests = sorted(glob.glob(folder + "/*/digest.json"))
for path in digests:
    with open(path) as handle:
        for item in json.load(handle)["items"]:
            seen.setdefault(item["link"], []).append(path.split("/")[-2])
missing = [link for link in expected if link not in seen]
twice = {link: days for link, days in seen.items() if len(days) > 1}
old = seen.get("https://example.org/news-old")
problems = []
if missing: problems.append("never in a digest: %s" % ", ".join(missing))
if twice: problems.append("in more than one digest: %s" % twice)
if old: problems.append("the five-year-old post is in %s" % old)
if problems:
    sys.exit("outage simulation: " + "; ".join(problems))
print("outage simulation: %d posts, %d digests, every post in exactly one" % (len(expected), len(digests)))
EOF
