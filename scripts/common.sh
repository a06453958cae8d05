# Shared by devnet.sh and test.sh: make sure a JDK 17+ and Maven are present.
set -eu

ensure_toolchain() {
  if ! command -v java >/dev/null 2>&1 || ! command -v mvn >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
      apt-get update -qq
      apt-get install -y -qq openjdk-17-jdk-headless maven >/dev/null
    else
      echo "Citrate needs a JDK (17 or newer) and Maven on the PATH." >&2
      exit 1
    fi
  fi
  java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  if [ "${java_major%%.*}" -lt 17 ]; then
    echo "Citrate needs Java 17 or newer; found $java_major." >&2
    exit 1
  fi
  if [ -z "${JAVA_HOME:-}" ]; then
    JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    export JAVA_HOME
  fi
}
