# Sourced by .ci/run, packaging/*.sh and src/bench/*.sh: the one place a JDK 25 is picked. Exports JAVA_HOME
# on JAVA_HOME if it is a JDK 25, else on `java` of the PATH if it is one, else on /usr/lib/jvm/temurin-25*;
# exits with a message when there is none. (Windows shells: a JAVA_HOME in C:\ form is turned into a path.)
java_major() { "$1" -XshowSettings:properties -version 2>&1 | tr -d '\r' | sed -n 's/^ *java.specification.version = //p'; }
if [ -n "${JAVA_HOME:-}" ] && command -v cygpath >/dev/null; then JAVA_HOME=$(cygpath -u "$JAVA_HOME"); fi
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
