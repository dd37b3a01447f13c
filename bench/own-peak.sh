# Sourced by the bench scripts: runs a command and prints "seconds peak-KiB", the peak being the command's own
# resident memory at its highest (VmHWM, polled from /proc). GNU time's %M is the larger of the process's peak
# and that of its largest child: for the grader that is often the MSBuild of a dotnet run or a dotnet build.
own_peak() {
  local started pid hwm=0 value
  started=$(date +%s.%N)
  "$@" >/dev/null 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    value=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
    [ -n "$value" ] && hwm=$value
    sleep 0.05
  done
  wait "$pid" || true
  printf '%.2f %s\n' "$(echo "$(date +%s.%N) - $started" | bc)" "$hwm"
}
