package io.citrate.ipfs.command;

import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;

/** The message commands give when the IPFS services are not running. */
final class IpfsServices {
  private IpfsServices() {}

  static <T> T require(T service) {
    if (service == null) {
      throw new IpfsException(Kind.UNAVAILABLE,
          "IPFS is not running: check etc/io.citrate.ipfs.cfg and the log (log:display | grep -i ipfs)");
    }
    return service;
  }
}
