package io.citrate.itests;

import org.junit.ClassRule;
import org.junit.runner.RunWith;
import org.junit.runners.Suite;
import org.junit.runners.Suite.SuiteClasses;

/**
 * What a dApp developer sees of the real distribution, started once as an external process with its shipped
 * configuration (a block every second) and shared by the suite: hostile JSON-RPC input, then a web3j session
 * and an ethers v6 session that each deploy the DevToken contract and use it over HTTP and WebSocket.
 */
@RunWith(Suite.class)
@SuiteClasses({RpcBadInputAcceptance.class, Web3jAcceptance.class, EthersAcceptance.class})
public class DappAcceptanceIT {

  @ClassRule
  public static final DistributionProcess DISTRIBUTION = DistributionProcess.fromBuild();
}
