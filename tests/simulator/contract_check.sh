#!/usr/bin/env bash
# ctest "contract_simulator": starts gateway-sim with the project hook's arguments, walks it with
# the published-contract checker and stops it. Exit 77 (ctest SKIP) only when the checker is
# not there.   contract_check.sh GATEWAY_SIM CONTRACT_CHECK
set -u
sim=$1
check=$2
if [ ! -f "$check" ]; then
    echo "SKIP: $check not found (the shared gateway tools are not next to the repository)"
    exit 77
fi

# Read the simulator's stdout as it comes: no polling, no sleeps.
exec 3< <(exec "$sim" --port 0 --seed 1 --contacts 2000 --groups 60 --members 6000 --sessions 2 \
              --api-key wa_hook=read,send,manage 2>/dev/null)
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null' EXIT

url=""
while IFS= read -r -t 60 line <&3; do
    case $line in
        "listening on "*) url=${line#listening on } ;;
        ready) break ;;
    esac
done
if [ -z "$url" ]; then
    echo "gateway-sim did not print its URL and 'ready'"
    exit 1
fi

out=$("$check" "$url" wa_hook 2>&1)
rc=$?
grep -A8 '^FAIL' <<<"$out" | head -60
tail -n 1 <<<"$out"
exit $rc
