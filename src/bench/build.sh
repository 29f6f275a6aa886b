# Sourced by the benchmark scripts (after .ci/jdk25.sh, in the repository folder): builds the jar and the benchmark
# harness (src/bench/java, compiled with the tests under the Maven profile "bench", never shipped in the jar) when
# either is missing or older than the sources. Sets BENCH_CP, the class path of the harness, and OMNE, the command line.
if [ ! -f target/omne-inspector.jar ] || [ ! -d target/lib ] || [ ! -d target/bench-lib ] \
   || [ ! -f target/test-classes/dev/omne/inspector/bench/SoakBench.class ] \
   || [ -n "$(find src/main src/bench/java -newer target/omne-inspector.jar -print -quit)" ]; then
  echo "Building the jar and the benchmark harness"
  ./mvnw -B -ntp -q -Pbench -DskipTests package
fi
BENCH_CP="target/test-classes:target/omne-inspector.jar:target/lib/*:target/bench-lib/*"
OMNE=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar target/omne-inspector.jar)
