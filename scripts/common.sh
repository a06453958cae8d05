# Shared by devnet.sh and test.sh: make sure a JDK 17+ and Maven, an OpenCL platform (and, for the tests,
# Node.js) are present.
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

# The dApp acceptance tests (itests) run an ethers script: they need Node.js 18 or newer and npm.
ensure_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
      apt-get update -qq
      apt-get install -y -qq nodejs npm >/dev/null
    else
      echo "Citrate's tests need Node.js (18 or newer) and npm on the PATH." >&2
      exit 1
    fi
  fi
  node_major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$node_major" -lt 18 ]; then
    echo "Citrate's tests need Node.js 18 or newer; found $(node --version)." >&2
    exit 1
  fi
}

# The tensor engine's OpenCL backend needs an OpenCL platform: an ICD loader and at least one driver.
# Without one (no GPU driver installed), PoCL runs OpenCL on the CPU. The OpenCL tests fail rather than
# skip when no platform is found, so this is required for the tests and wanted for a devnet.
ensure_opencl() {
  # JOCL opens the loader by its unversioned name, libOpenCL.so, which only the -dev package links.
  if ls /usr/lib/*/libOpenCL.so /usr/lib/libOpenCL.so 2>/dev/null | grep -q . \
      && ls /etc/OpenCL/vendors/*.icd >/dev/null 2>&1; then
    return 0
  fi
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pocl-opencl-icd ocl-icd-libopencl1 ocl-icd-opencl-dev >/dev/null
  else
    echo "Citrate's tensor engine needs an OpenCL platform: install a GPU's OpenCL driver, or PoCL for the CPU" >&2
    echo "(apt-get install pocl-opencl-icd ocl-icd-libopencl1 ocl-icd-opencl-dev), then run this again." >&2
    exit 1
  fi
}
