#!/bin/sh
# Makes samples/previous/第一次审查结果.json: the --json of the first check of the
# samples, as the clerk ran it on 2024-04-12 before the corrected resends in
# samples/resends arrived (that is, over samples/mailbox and samples/scans alone).
# The run's own generated_at is replaced by that fixed time, so the file changes only
# when the tool's findings change. Run from anywhere; needs Go.
#
#     sh samples/make_previous.sh
#
# The second-run example in samples/README.md compares with this file.
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
go build -o "$tmp/shenbao" ./cmd/shenbao
"$tmp/shenbao" check samples/mailbox --scans samples/scans -q \
	-o "$tmp/登记表.xlsx" --json "$tmp/result.json" >/dev/null || status=$?
# Exit 1 means the run finished and some window is not 合规, as expected here.
if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
	echo "shenbao check failed with exit status $status" >&2
	exit "$status"
fi
sed 's/^  "generated_at": "[^"]*"/  "generated_at": "2024-04-12T17:30:00+08:00"/' "$tmp/result.json" \
	>samples/previous/第一次审查结果.json
echo "wrote samples/previous/第一次审查结果.json"
