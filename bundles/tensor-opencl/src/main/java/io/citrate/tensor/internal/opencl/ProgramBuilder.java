package io.citrate.tensor.internal.opencl;

import static org.jocl.CL.CL_PROGRAM_BINARIES;
import static org.jocl.CL.CL_PROGRAM_BINARY_SIZES;
import static org.jocl.CL.CL_PROGRAM_BUILD_LOG;
import static org.jocl.CL.clBuildProgram;
import static org.jocl.CL.clCreateProgramWithBinary;
import static org.jocl.CL.clCreateProgramWithSource;
import static org.jocl.CL.clGetProgramBuildInfo;
import static org.jocl.CL.clGetProgramInfo;
import static org.jocl.CL.clReleaseProgram;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_program;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds programs for one context and device. With a cache directory, a built program's binary is stored
 * under a hash of (source, options, platform, device, driver) and later builds load it instead of compiling.
 * A cache file carries the SHA-256 of its payload: a truncated, corrupt or unreadable file is ignored, rebuilt
 * from source and overwritten.
 */
final class ProgramBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(ProgramBuilder.class);
  private static final byte[] MAGIC = "citrate-cl-binary-1\n".getBytes(StandardCharsets.US_ASCII);
  private static final int DIGEST_BYTES = 32;

  private final cl_context context;
  private final OpenClDevice device;
  private final Path cacheDirectory;
  private final AtomicInteger loadedFromCache = new AtomicInteger();
  private final AtomicInteger compiled = new AtomicInteger();

  ProgramBuilder(cl_context context, OpenClDevice device, Path cacheDirectory) {
    this.context = context;
    this.device = device;
    this.cacheDirectory = cacheDirectory;
  }

  /** Programs this builder loaded from cached binaries. */
  int loadedFromCache() {
    return loadedFromCache.get();
  }

  /** Programs this builder compiled from source. */
  int compiled() {
    return compiled.get();
  }

  static String resource(String name) {
    try (InputStream in = ProgramBuilder.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new OpenClUnavailableException("the OpenCL kernel source " + name + " is missing from the bundle");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new OpenClUnavailableException("the OpenCL kernel source " + name + " could not be read: " + e, e);
    }
  }

  cl_program build(String name, String source, String options) {
    Path cacheFile = cacheDirectory == null ? null : cacheDirectory.resolve(cacheKey(source, options) + ".bin");
    if (cacheFile != null) {
      cl_program cached = loadCached(name, cacheFile, options);
      if (cached != null) {
        loadedFromCache.incrementAndGet();
        return cached;
      }
    }
    cl_program program = compile(name, source, options);
    compiled.incrementAndGet();
    if (cacheFile != null) {
      store(name, program, cacheFile);
    }
    return program;
  }

  private cl_program compile(String name, String source, String options) {
    cl_program program;
    try {
      program = clCreateProgramWithSource(context, 1, new String[] {source}, null, null);
    } catch (CLException e) {
      throw OpenClErrors.unavailable("creating program " + name, e);
    }
    try {
      clBuildProgram(program, 1, new cl_device_id[] {device.id()}, options, null, null);
      return program;
    } catch (CLException e) {
      String log = buildLog(program);
      clReleaseProgram(program);
      throw new OpenClUnavailableException("OpenCL program " + name + " did not build on " + device.name() + " ("
          + org.jocl.CL.stringFor_errorCode(e.getStatus()) + "):\n" + log, e);
    }
  }

  private cl_program loadCached(String name, Path cacheFile, String options) {
    byte[] binary = readVerified(cacheFile);
    if (binary == null) {
      return null;
    }
    cl_program program = null;
    try {
      int[] status = new int[1];
      program = clCreateProgramWithBinary(context, 1, new cl_device_id[] {device.id()},
          new long[] {binary.length}, new byte[][] {binary}, status, null);
      clBuildProgram(program, 1, new cl_device_id[] {device.id()}, options, null, null);
      return program;
    } catch (CLException e) {
      LOG.warn("Ignoring the cached OpenCL binary {} of {}: {}", cacheFile, name,
          org.jocl.CL.stringFor_errorCode(e.getStatus()));
      if (program != null) {
        clReleaseProgram(program);
      }
      return null;
    }
  }

  private static byte[] readVerified(Path cacheFile) {
    byte[] file;
    try {
      if (!Files.isRegularFile(cacheFile)) {
        return null;
      }
      file = Files.readAllBytes(cacheFile);
    } catch (IOException e) {
      LOG.warn("Ignoring the unreadable OpenCL binary cache file {}: {}", cacheFile, e.toString());
      return null;
    }
    int header = MAGIC.length + DIGEST_BYTES;
    if (file.length <= header || !Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      LOG.warn("Ignoring the malformed OpenCL binary cache file {}", cacheFile);
      return null;
    }
    byte[] payload = Arrays.copyOfRange(file, header, file.length);
    byte[] digest = sha256().digest(payload);
    if (!Arrays.equals(file, MAGIC.length, header, digest, 0, DIGEST_BYTES)) {
      LOG.warn("Ignoring the corrupt OpenCL binary cache file {}", cacheFile);
      return null;
    }
    return payload;
  }

  private void store(String name, cl_program program, Path cacheFile) {
    byte[] binary;
    try {
      long[] sizes = new long[1];
      clGetProgramInfo(program, CL_PROGRAM_BINARY_SIZES, Sizeof.size_t, Pointer.to(sizes), null);
      if (sizes[0] <= 0 || sizes[0] > Integer.MAX_VALUE - 64) {
        return;
      }
      binary = new byte[(int) sizes[0]];
      clGetProgramInfo(program, CL_PROGRAM_BINARIES, Sizeof.POINTER, Pointer.to(Pointer.to(binary)), null);
    } catch (CLException e) {
      LOG.warn("OpenCL program {} has no binary to cache: {}", name,
          org.jocl.CL.stringFor_errorCode(e.getStatus()));
      return;
    }
    ByteBuffer file = ByteBuffer.allocate(MAGIC.length + DIGEST_BYTES + binary.length);
    file.put(MAGIC).put(sha256().digest(binary)).put(binary);
    try {
      Files.createDirectories(cacheDirectory);
      Path temporary = Files.createTempFile(cacheDirectory, cacheFile.getFileName().toString(), ".tmp");
      Files.write(temporary, file.array());
      try {
        Files.move(temporary, cacheFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, cacheFile, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      LOG.warn("Could not cache the OpenCL binary of {} in {}: {}", name, cacheDirectory, e.toString());
    }
  }

  private String cacheKey(String source, String options) {
    MessageDigest digest = sha256();
    for (String part : new String[] {source, options, device.identity()}) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
      digest.update(bytes);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private String buildLog(cl_program program) {
    try {
      long[] size = new long[1];
      clGetProgramBuildInfo(program, device.id(), CL_PROGRAM_BUILD_LOG, 0, null, size);
      byte[] log = new byte[(int) size[0]];
      clGetProgramBuildInfo(program, device.id(), CL_PROGRAM_BUILD_LOG, log.length, Pointer.to(log), null);
      return new String(log, StandardCharsets.UTF_8).trim();
    } catch (CLException e) {
      return "(no build log: " + org.jocl.CL.stringFor_errorCode(e.getStatus()) + ")";
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
