#!/bin/bash
# Makes UpgradeTest's picture of a released version (docs/testing.md, docs/operations.md "Upgrades"): builds the release
# in a scratch worktree, runs it on a throw-away PostgreSQL 15 with the demo clinic and one client's course over HTTP
# (with Idempotency-Keys), records what its API answers, stops it and dumps the database with PostgreSQL 15's pg_dump.
#
#   infra/src/test/upgrade/make-upgrade-dump.sh <release commit> [output directory]
#
# writes dit-<release>.dump (pg_dump's custom format) and dit-<release>-answers.json.gz into the output directory
# (default infra/src/test/resources/upgrade). Needs Debian's postgresql-15 and postgresql-client-15, python3, curl and
# the Maven wrapper's dependencies of that release. The demo's dates are relative to the day it runs; the test reads
# what to expect from the dump and the answers, not from the calendar.
set -euo pipefail

RELEASE=${1:?usage: $0 <release commit> [output directory]}
ROOT=$(git rev-parse --show-toplevel)
OUT=$(realpath "${2:-$ROOT/infra/src/test/resources/upgrade}")
PG=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_PORT=${PG_PORT:-55432}
HTTP_PORT=${HTTP_PORT:-18080}
BASE=http://localhost:$HTTP_PORT
# the users of infra/src/test/resources/application-test.yml: clinic-lead (lead-test-pw) and auditor (audit-test-pw)
LEAD_HASH='{bcrypt}$2a$04$EWqEZFCrDj/bcpMyCWV.uujNJUoBGvihJkBLFTBEujVurGMvrnfxu'
AUDITOR_HASH='{bcrypt}$2a$04$sizszAphPtCxiVEBYIjPkerLS51F3mLa/KeFOZJ7COjuKvJ4n2dJq'

WORK=$(mktemp -d /tmp/dit-upgrade.XXXXXX)
chmod 755 "$WORK"
mkdir -m 777 "$WORK/pg-home"   # PostgreSQL refuses root: as root the server runs in a user namespace, as 'nobody'
SERVICE=
cleanup() {
    if [ -n "$SERVICE" ] && kill -0 "$SERVICE" 2>/dev/null; then kill "$SERVICE"; wait "$SERVICE" || true; fi
    if [ -f "$WORK/pg-home/data/postmaster.pid" ]; then as_server "$PG/pg_ctl" --pgdata="$WORK/pg-home/data" --mode=fast --wait stop || true; fi
    git -C "$ROOT" worktree remove --force "$WORK/src" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
as_server() { if [ "$(id -u)" = 0 ]; then unshare -U "$@"; else "$@"; fi; }
psql_dit() { "$PG/psql" -h localhost -p "$PG_PORT" -U postgres -d dit -Atc "$1"; }

echo "building $RELEASE"
git -C "$ROOT" worktree add --detach "$WORK/src" "$RELEASE" >/dev/null
(cd "$WORK/src" && ./mvnw -B -q -DskipTests package)

echo "PostgreSQL 15 on port $PG_PORT"
as_server "$PG/initdb" --pgdata="$WORK/pg-home/data" --username=postgres --auth=trust --encoding=UTF8 --locale=C >/dev/null
as_server "$PG/pg_ctl" --pgdata="$WORK/pg-home/data" --log="$WORK/pg-home/postgres.log" --wait \
    -o "-p $PG_PORT -c listen_addresses=localhost -c unix_socket_directories=''" start >/dev/null
"$PG/psql" -h localhost -p "$PG_PORT" -U postgres -qc "CREATE DATABASE dit"

echo "the release with its demo clinic on port $HTTP_PORT"
java -jar "$WORK/src/infra/target/dit-service.jar" --server.port="$HTTP_PORT" \
    --spring.datasource.url="jdbc:postgresql://localhost:$PG_PORT/dit" --spring.datasource.username=postgres \
    --spring.datasource.password= --dit.demo=true \
    '--dit.security.users[0].username=clinic-lead' "--dit.security.users[0].password-hash=$LEAD_HASH" \
    '--dit.security.users[0].roles=ADMIN,SUPERVISOR,REPORTING' \
    '--dit.security.users[1].username=auditor' "--dit.security.users[1].password-hash=$AUDITOR_HASH" \
    '--dit.security.users[1].roles=AUDITOR' > "$WORK/service.log" 2>&1 &
SERVICE=$!
for _ in $(seq 1 600); do
    grep -q "Demo data loaded" "$WORK/service.log" && break
    kill -0 "$SERVICE" || { tail -50 "$WORK/service.log"; exit 1; }
    sleep 1
done
grep "Demo data loaded" "$WORK/service.log"

echo "one client's course over HTTP, as the release's README walks through it, with Idempotency-Keys"
c() { curl -sf -u clinic-lead:lead-test-pw -H 'Content-Type: application/json' "$@"; }
T=$(c -XPOST "$BASE/api/therapists" -H 'Idempotency-Key: upgrade-therapist-0001' \
    -d '{"name":"Alex Upgrade","accreditation":"QUALIFIED","maxCaseload":12}' | sed 's/.*"therapistId":"\([^"]*\)".*/\1/')
# UpgradeTest repeats this referral with its key: keep both as they are
E=$(c -XPOST "$BASE/api/episodes" -H 'Idempotency-Key: upgrade-referral-0001' \
    -d '{"clientId":"5f0c7d5e-2b8a-4c61-9a57-3f1f2d3c4b5a","referralSource":"GP","referredOn":"2026-03-02","presentingProblem":"DEPRESSION","priority":"ROUTINE"}' \
    | sed 's/.*"episodeId":"\([^"]*\)".*/\1/')
c -XPOST "$BASE/api/episodes/$E/assessment" \
    -d '{"assessedOn":"2026-03-09","suitable":true,"phq9":[2,2,2,2,2,2,1,1,1],"gad7":[2,2,2,2,2,1,1]}' >/dev/null
c -XPOST "$BASE/api/episodes/$E/allocation" -d "{\"therapistId\":\"$T\",\"allocatedOn\":\"2026-03-16\"}" >/dev/null
for n in $(seq 1 16); do
    day=$(date -u -d "2026-03-23 + $(( (n - 1) * 7 )) days" +%F)
    c -XPOST "$BASE/api/episodes/$E/sessions" -d "{\"startsAt\":\"${day}T09:00:00Z\",\"durationMinutes\":50,\"mode\":\"IN_PERSON\"}" >/dev/null
    if [ "$n" -eq 5 ]; then
        c -XPOST "$BASE/api/episodes/$E/focus" -d '{"selfRepresentation":"Overlooked","otherRepresentation":"Busy and dismissive","affect":"Quiet anger, then shame","defensiveFunction":"Withdraws first so as not to be dropped"}' >/dev/null
    fi
    c -XPOST "$BASE/api/episodes/$E/sessions/$n/attendance" -d '{"phq9":[1,1,1,1,1,1,0,0,0],"gad7":[1,1,1,1,0,0,0]}' >/dev/null
    if [ "$n" -eq 13 ]; then
        c -XPOST "$BASE/api/episodes/$E/goodbye-letter" -d "{\"sharedOn\":\"$day\"}" >/dev/null
    fi
done
c -XPOST "$BASE/api/episodes/$E/ending" -H 'Idempotency-Key: upgrade-ending-0001' \
    -d '{"endedOn":"2026-07-10","reason":"COMPLETED"}' >/dev/null

echo "waiting for the projections and the hash chain"
for _ in $(seq 1 300); do
    if curl -sf -u clinic-lead:lead-test-pw "$BASE/api/admin/projections" | python3 -c '
import json, sys
sys.exit(0 if all(p["caughtUp"] and not p["replaying"] for p in json.load(sys.stdin)) else 1)' \
        && [ "$(psql_dit 'SELECT count(*) FROM audit_hash_chain')" = "$(psql_dit 'SELECT count(*) FROM domain_event_entry')" ]; then
        break
    fi
    sleep 1
done

echo "recording the release's answers"
EPISODE="$E" MIDWAY=$(psql_dit "SELECT time_stamp FROM domain_event_entry WHERE aggregate_identifier = '$E' AND sequence_number = 20") \
EPISODES=$(psql_dit "SELECT string_agg(episode_id::text, ' ' ORDER BY episode_id) FROM episode_view") \
THERAPISTS=$(psql_dit "SELECT string_agg(therapist_id::text, ' ' ORDER BY therapist_id) FROM caseload_therapist") \
BASE="$BASE" RELEASE="$RELEASE" python3 - "$OUT/dit-$RELEASE-answers.json.gz" <<'PYTHON'
import base64, gzip, json, os, sys, urllib.error, urllib.request

def get(path, user, password):
    request = urllib.request.Request(os.environ["BASE"] + path, headers={
        "Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())

episodes, therapists, course = os.environ["EPISODES"].split(), os.environ["THERAPISTS"].split(), os.environ["EPISODE"]
queries = ["/api/caseloads"] + [f"/api/caseloads/{t}" for t in therapists]
queries += [f"/api/waiting-list?asOf={d}" for d in ("2025-12-31", "2026-06-01", "2026-11-30")]
queries += ["/api/outcomes?from=2025-01-01&to=2026-11-30", "/api/outcomes?from=2026-01-01&to=2026-06-30",
            "/api/outcomes/monthly?from=2025-06-01&to=2026-11-30"]
queries += [f"/api/episodes/{e}" for e in episodes] + [f"/api/outcomes/episodes/{e}" for e in episodes]
audit = [f"/api/audit/episodes/{course}/events", f"/api/audit/episodes/{course}/state?asOf={os.environ['MIDWAY']}",
         "/api/audit/verify"]
answers = {"version": os.environ["RELEASE"],
           "asAdmin": {q: get(q, "clinic-lead", "lead-test-pw") for q in queries},
           "asAuditor": {q: get(q, "auditor", "audit-test-pw") for q in audit}}
with gzip.open(sys.argv[1], "wt", encoding="utf-8") as out:
    json.dump(answers, out, sort_keys=True, separators=(",", ":"))
print(len(queries) + len(audit), "answers; verify:", answers["asAuditor"]["/api/audit/verify"])
PYTHON

echo "stopping the release and dumping its database"
kill "$SERVICE"; wait "$SERVICE" || true
"$PG/pg_dump" --format=custom --compress=9 --host=localhost --port="$PG_PORT" --username=postgres --dbname=dit \
    --file="$OUT/dit-$RELEASE.dump"
ls -l "$OUT/dit-$RELEASE.dump" "$OUT/dit-$RELEASE-answers.json.gz"
