# Sourced by the benchmark scripts: exports JAVA_HOME on a JDK 25 (JAVA_HOME if it is one, else `java` on the
# PATH if it is one, else /usr/lib/jvm/temurin-25*), the same choice .ci/run makes, or exits with a message.
java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME/bin/java" 2>/dev/null || echo 0)" -lt 25 ] 2>/dev/null; then
  if command -v java >/dev/null && [ "$(java_major java)" -ge 25 ] 2>/dev/null; then
    JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  else
    JAVA_HOME=$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -n 1 || true)
  fi
fi
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ]; then
  echo "No JDK 25 found: install one (e.g. temurin-25-jdk) or set JAVA_HOME" >&2
  exit 1
fi
export JAVA_HOME
