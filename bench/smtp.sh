#!/usr/bin/env bash
# Delivery to a local SMTP server: aiosmtpd writing a Maildir on loopback (apt-get install python3-aiosmtpd), and
# bench/smtp-delivery.cs sending through the real SmtpEmailSender. Prints messages/s for docs/benchmarks.md.
#   bash bench/smtp.sh             # COUNT=2000 REFERENCE=500
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-2000}
REFERENCE=${REFERENCE:-500}
PORT=${PORT:-2525}
WORK=$(mktemp -d /tmp/lessons-smtp-bench.XXXX)

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(dotnet --version), $(date -u +%Y-%m-%d), load $(cut -d' ' -f1-3 /proc/loadavg)"
# Built before the server starts, so the build does not share the cores with the measurement.
dotnet build -c Release bench/smtp-delivery.cs -v quiet >/dev/null

/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$PORT" -c aiosmtpd.handlers.Mailbox "$WORK/Maildir" &
SMTP=$!
trap 'kill $SMTP 2>/dev/null || true; rm -rf "$WORK"' EXIT
until (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do sleep 0.1; done

dotnet run -c Release --no-build bench/smtp-delivery.cs -- "$PORT" "$COUNT" "$REFERENCE" "$SMTP"
echo "delivered to the Maildir: $(ls "$WORK/Maildir/new" | wc -l) (200 of them warm-up)"
