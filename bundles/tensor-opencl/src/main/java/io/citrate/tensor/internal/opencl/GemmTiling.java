package io.citrate.tensor.internal.opencl;

/**
 * The tiling of one matrix-product kernel: a work-group computes a {@code bm x bn} tile of C from
 * {@code bk}-deep slices of A and B staged in local memory, each work-item an {@code rm x vw} block held in
 * registers with {@code vw} columns as one vector.
 */
record GemmTiling(int bm, int bn, int bk, int rm, int vw) {
  /** Rows of C a work-item of the register-blocked CPU kernel computes. */
  static final int PACK_ROWS = 8;

  /** What the kernel's element kind stores per local-memory tile value and how it is built. */
  enum Kind {
    FLOAT("GEMM_FLOAT", 4),
    WIDE("GEMM_WIDE", 8),
    BYTE("GEMM_BYTE", 4);

    final String define;
    final int tileValueBytes;

    Kind(String define, int tileValueBytes) {
      this.define = define;
      this.tileValueBytes = tileValueBytes;
    }
  }

  /** Columns of C a work-item of the register-blocked CPU kernel computes: two vectors. */
  int packColumns() {
    return 2 * vw;
  }

  int workGroupX() {
    return bn / vw;
  }

  int workGroupY() {
    return bm / rm;
  }

  int workGroupSize() {
    return workGroupX() * workGroupY();
  }

  long localBytes(Kind kind) {
    return (long) bk * (bm + bn) * kind.tileValueBytes;
  }

  String options(Kind kind) {
    return "-D " + kind.define + " -D BM=" + bm + " -D BN=" + bn + " -D BK=" + bk + " -D RM=" + rm + " -D VW=" + vw;
  }

  /**
   * The starting tiling for a device. A CPU runs a work-group on one core and its compiler maps a vector type
   * onto SIMD registers, so wide vectors and deep slices that stay in the core's caches pay; a GPU wants many
   * work-items and short vectors, with local memory shared across them.
   */
  static GemmTiling initial(OpenClDevice device, Kind kind) {
    if (device.isCpu()) {
      int vector = device.preferredFloatVectorWidth() >= 16 ? 16 : 8;
      return switch (kind) {
        case FLOAT, BYTE -> new GemmTiling(64, 4 * vector, 128, 8, vector);
        case WIDE -> new GemmTiling(32, 32, 64, 4, vector / 2);
      };
    }
    return switch (kind) {
      case FLOAT, BYTE -> new GemmTiling(64, 64, 16, 4, 4);
      case WIDE -> new GemmTiling(64, 32, 16, 4, 2);
    };
  }

  /** Shrinks this tiling until it fits the device's work-group and local-memory limits and {@code maxGroup}. */
  GemmTiling fit(OpenClDevice device, Kind kind, long maxGroup) {
    GemmTiling tiling = this;
    long groupLimit = Math.min(maxGroup, device.maxWorkGroupSize());
    while (tiling.workGroupSize() > groupLimit || tiling.workGroupX() > device.maxWorkItemSizes()[0]
        || tiling.workGroupY() > device.maxWorkItemSizes()[1]) {
      if (tiling.bm > tiling.rm) {
        tiling = new GemmTiling(tiling.bm / 2, tiling.bn, tiling.bk, tiling.rm, tiling.vw);
      } else if (tiling.bn > tiling.vw) {
        tiling = new GemmTiling(tiling.bm, tiling.bn / 2, tiling.bk, tiling.rm, tiling.vw);
      } else {
        break;
      }
    }
    // Leave room for what the compiler itself places in local memory.
    long localLimit = device.localMemoryBytes() - 1024;
    while (tiling.localBytes(kind) > localLimit && tiling.bk > 1) {
      tiling = new GemmTiling(tiling.bm, tiling.bn, tiling.bk / 2, tiling.rm, tiling.vw);
    }
    return tiling;
  }
}
