#!/usr/bin/env bash
# ctest "contract_localapi": the local API serving a cache synced from the simulator, walked
# by the shared contract checker. Exit 77 (ctest SKIP) only when the checker is not there.
#   contract_localapi.sh LOCALAPI_CONTRACT_SERVER CONTRACT_CHECK
set -u
server=$1
check=$2
if [ ! -f "$check" ]; then
    echo "SKIP: $check not found (the shared gateway tools are not next to the repository)"
    exit 77
fi

# Read the helper's stdout as it comes: no polling, no sleeps.
exec 3< <(exec "$server")
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null' EXIT

url="" token=""
while IFS= read -r -t 240 line <&3; do
    case $line in
        "listening on "*) url=${line#listening on } ;;
        "token "*) token=${line#token } ;;
        ready) break ;;
    esac
done
if [ -z "$url" ] || [ -z "$token" ]; then
    echo "localapi-contract-server did not print its URL, token and 'ready'"
    exit 1
fi

out=$("$check" "$url" "$token" 2>&1)
rc=$?
grep -A8 '^FAIL' <<<"$out" | head -60
tail -n 1 <<<"$out"
exit $rc
