# Sourced by .ci/run and ./run-local: pick_jdk prints a JDK >= 21 (JAVA_HOME if new enough,
# else the newest under /usr/lib/jvm), or fails naming the fix.

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n1
}

pick_jdk() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/javac" ]] && (( $(java_major "$JAVA_HOME") >= 21 )); then
    echo "$JAVA_HOME"; return
  fi
  local best="" best_major=0 candidate major
  for candidate in /usr/lib/jvm/*; do
    [[ -x "$candidate/bin/javac" ]] || continue
    major=$(java_major "$candidate")
    if [[ -n "$major" ]] && (( major >= 21 && major > best_major )); then
      best="$candidate"; best_major=$major
    fi
  done
  [[ -n "$best" ]] || { echo "No JDK >= 21 found: install one (e.g. Temurin 21 or 25) and point JAVA_HOME at it." >&2; exit 1; }
  echo "$best"
}

